import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { useSession } from '../session/use-session';
import { EvaluationSummaryPage } from '../summary/evaluation-summary';

// The questionnaire's pages load with their own chunk, only for the state's people.
const QuestionnaireTaskList = lazy(() => import('../questionnaire/task-list'));

/** `/app/evaluations/:id`: one evaluation's summary (round, state, status, deadline), and for the state its questionnaire. */
export function EvaluationPage() {
  const { id = '' } = useParams();
  const role = useSession().account?.role;
  const answers = role === 'state_focal_point' || role === 'state_contributor';
  return (
    <EvaluationSummaryPage title="evaluation.title" next="evaluation.next">
      {answers
        ? () => (
            <Suspense>
              <QuestionnaireTaskList evaluationId={id} />
            </Suspense>
          )
        : undefined}
    </EvaluationSummaryPage>
  );
}
