import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { appRoutes } from '@mesecvi/web-links';
import { useSubmissionT } from '../submission/use-submission-t';
import { fieldProblemMessage, type FieldProblem } from './field-problems';
import { fieldElementId, itemOf, pointerLabel } from './pointers';
import { ProblemSummary, type SummaryEntry } from './problem-summary';
import { useFormT } from './use-form-t';
import type { EvaluationQuestionnaire } from './use-questionnaire';

/**
 * The summary's entries: each problem's question (and field, row) with its catalogue sentence,
 * linking to the field in its section.
 */
export function useSummaryEntries(
  evaluationId: string,
  view: EvaluationQuestionnaire,
  problems: readonly FieldProblem[],
): SummaryEntry[] {
  const ts = useSubmissionT();
  const t = useFormT();
  return useMemo(() => {
    const themeOf = new Map(view.items.map((item) => [item.id, item.theme]));
    return problems.map((problem) => ({
      path: appRoutes.evaluationSection.path(evaluationId, themeOf.get(itemOf(problem.pointer)) ?? ''),
      elementId: fieldElementId(problem.pointer),
      text: ts('problemAt', {
        question: pointerLabel(problem.pointer, view.texts, t),
        message: fieldProblemMessage(problem, t),
      }),
    }));
  }, [evaluationId, view, problems, ts, t]);
}

/**
 * After a refused submit, a section lists what is still to correct in it above its form, each
 * linking to its field. It does not take the focus: the person came to a field (the link she
 * followed) and is typing there.
 */
export function SectionProblemSummary({
  evaluationId,
  theme,
  view,
  problems,
}: {
  evaluationId: string;
  theme: string;
  view: EvaluationQuestionnaire;
  problems: readonly FieldProblem[];
}) {
  const ts = useSubmissionT();
  const ids = new Set(view.items.filter((item) => item.theme === theme).map((item) => item.id));
  const entries = useSummaryEntries(
    evaluationId,
    view,
    problems.filter((problem) => ids.has(itemOf(problem.pointer))),
  );
  if (entries.length === 0) return null;
  return (
    <ProblemSummary
      title={ts('errorSummaryTitle')}
      intro={ts('errorSummaryIntro')}
      entries={entries}
      takeFocus={false}
    />
  );
}

/** After each save, the draft is read again: its remaining problems are then those of what was saved. */
export function useRemainingProblemsAfterSaves(evaluationId: string, savedAt: string | undefined): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (savedAt) void queryClient.invalidateQueries({ queryKey: ['evaluation', evaluationId, 'draft'] });
  }, [queryClient, evaluationId, savedAt]);
}
