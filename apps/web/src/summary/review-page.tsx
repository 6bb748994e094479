import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ApiError } from '../errors/api-error';
import { formatDueDate } from '../home/deadline';
import { ASSIGNMENT_STATUS_LABELS } from '../i18n/enum-labels';
import { useT } from '../i18n/i18n-context';
import { fetchAssignments } from '../signed-in/expert-home';
import { useStateNames } from '../signed-in/use-states';
import { SummaryPage } from './summary-page';

/**
 * `/app/evaluations/:id/review`: what a rapporteur reviews — the state, the round, her assignment's
 * status and the review's due day. Someone not assigned to it reads "not found".
 */
export function ReviewPage() {
  const t = useT();
  const { id = '' } = useParams();
  const stateName = useStateNames();
  const assignment = useQuery({
    queryKey: ['review-assignment', id],
    queryFn: async () => {
      const found = (await fetchAssignments()).find((a) => a.evaluationId === id);
      if (!found) throw new ApiError(404, undefined, undefined);
      return found;
    },
  });
  return (
    <SummaryPage
      title="review.title"
      notFound={{ title: 'evaluation.notFoundTitle', body: 'evaluation.notFoundBody' }}
      query={assignment}
      rows={(view) => [
        { label: 'home.round', value: view.roundName, apiText: true },
        { label: 'home.state', value: stateName(view.stateCode), apiText: true },
        { label: 'home.status', value: t(ASSIGNMENT_STATUS_LABELS[view.status]) },
        {
          label: 'home.reviewDue',
          value: view.reviewDueDate ? formatDueDate(view.reviewDueDate, t.language) : t('home.noDeadline'),
        },
      ]}
      next="review.next"
    />
  );
}
