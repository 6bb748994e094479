import { EvaluationSummaryPage } from '../summary/evaluation-summary';

/** `/app/evaluations/:id`: one evaluation's summary (round, state, status, deadline). */
export function EvaluationPage() {
  return <EvaluationSummaryPage title="evaluation.title" next="evaluation.next" />;
}
