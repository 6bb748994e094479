import { hasAnswer, type Answers } from './answers';
import { itemOf } from './pointers';

export type SectionStatus = 'notStarted' | 'inProgress' | 'complete' | 'problems';

/** A problem the server still sees in the draft, located by JSON Pointer. */
export interface DraftProblem {
  pointer: string;
}

/**
 * A section's status: not started while none of its items holds an answer; "has problems" when
 * the server reports a problem in an item that holds one; complete when every item is answered
 * and none has a problem; in progress otherwise.
 */
export function sectionStatus(
  itemIds: readonly string[],
  answers: Answers,
  problems: readonly DraftProblem[],
): SectionStatus {
  const answered = itemIds.filter((id) => hasAnswer(answers[id]));
  if (answered.length === 0) return 'notStarted';
  const withProblems = new Set(problems.map((p) => itemOf(p.pointer)));
  if (answered.some((id) => withProblems.has(id))) return 'problems';
  if (answered.length === itemIds.length && !itemIds.some((id) => withProblems.has(id))) return 'complete';
  return 'inProgress';
}
