import { jsonEqual, type JsonObject } from '../drafts/merge-patch';
import { valueAt } from '../drafts/pending';
import { hasAnswer } from './answers';
import type { FieldProblem } from './field-problems';
import { itemOf } from './pointers';

/** A problem as the api names it (a draft's remaining problem, a refused submit's error). */
export interface ApiFieldProblem {
  pointer: string;
  keyword?: string;
}

/** The api's problem as the form shows it: its rule code, whose sentence comes from the catalogue. */
export const toFieldProblem = ({ pointer, keyword }: ApiFieldProblem): FieldProblem => ({
  pointer,
  rule: keyword ?? 'other',
});

/** Two values that say the same: equal, or both no answer (the form fills an empty item with `{}`). */
const sameAnswer = (a: unknown, b: unknown): boolean => jsonEqual(a, b) || (!hasAnswer(a) && !hasAnswer(b));

/**
 * The draft's remaining problems a section shows at their fields. Before a submit was refused,
 * only those in answered items (an empty question is not yet a mistake); after, all of them, as
 * the summary listed them. A problem whose value the person has changed since the draft was read
 * is left out: the next save says whether it still stands.
 */
export function shownProblems(
  remaining: readonly ApiFieldProblem[],
  server: JsonObject,
  local: JsonObject,
  afterRefusedSubmit: boolean,
): FieldProblem[] {
  return remaining
    .filter((problem) => afterRefusedSubmit || hasAnswer(local[itemOf(problem.pointer)]))
    .filter((problem) => sameAnswer(valueAt(server, problem.pointer), valueAt(local, problem.pointer)))
    .map(toFieldProblem);
}
