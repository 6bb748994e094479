import { Anchor } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { appRoutes } from '@mesecvi/web-links';
import { api } from '../api';
import { call } from '../errors/api-error';
import { useT } from '../i18n/i18n-context';
import { DeadlineText } from '../signed-in/deadline-text';
import { useStateNames } from '../signed-in/use-states';
import { readDeadline, type DeadlineSummary } from './deadline-view';
import { SummaryPage, type SummaryRow } from './summary-page';

/** `/app/deadlines/:id`: what a reminder is about — the deadline's state, due day and status. */
export function DeadlinePage() {
  const t = useT();
  const { id = '' } = useParams();
  const stateName = useStateNames();
  const deadline = useQuery({
    queryKey: ['deadline', id, t.language],
    queryFn: async () => readDeadline(await call(api.GET('/deadlines/{id}', { params: { path: { id } } })), t.language),
  });
  const rows = (view: DeadlineSummary): SummaryRow[] => [
    ...(view.title ? [{ label: 'deadline.about' as const, value: view.title, apiText: true }] : []),
    ...(view.stateCode ? [{ label: 'home.state' as const, value: stateName(view.stateCode), apiText: true }] : []),
    { label: 'home.deadline', value: <DeadlineText deadline={view} /> },
    { label: 'home.status', value: t(view.status) },
  ];
  return (
    <SummaryPage
      title="deadline.title"
      notFound={{ title: 'deadline.notFoundTitle', body: 'deadline.notFoundBody' }}
      query={deadline}
      rows={rows}
      next="deadline.next"
    >
      {(view) =>
        view.evaluationId && (
          <Anchor component={Link} to={appRoutes.evaluation.path(view.evaluationId)}>
            {t('deadline.openEvaluation')}
          </Anchor>
        )
      }
    </SummaryPage>
  );
}
