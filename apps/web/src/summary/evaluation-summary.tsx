import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { api } from '../api';
import { call } from '../errors/api-error';
import { EVALUATION_STATUS_LABELS } from '../i18n/enum-labels';
import { useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/en';
import { DeadlineText } from '../signed-in/deadline-text';
import { useStateNames } from '../signed-in/use-states';
import { SummaryPage, type SummaryRow } from './summary-page';

/** The evaluation named by the page's `:id`. */
export function useEvaluation(id: string) {
  return useQuery({
    queryKey: ['evaluation', id],
    queryFn: () => call(api.GET('/evaluations/{id}', { params: { path: { id } } })),
  });
}

type EvaluationView = NonNullable<ReturnType<typeof useEvaluation>['data']>;

/** An evaluation's round, state, status and response deadline. */
export function useEvaluationRows(): (view: EvaluationView) => SummaryRow[] {
  const t = useT();
  const stateName = useStateNames();
  return (view) => [
    { label: 'home.round', value: view.roundName, apiText: true },
    { label: 'home.state', value: stateName(view.stateCode), apiText: true },
    { label: 'home.status', value: t(EVALUATION_STATUS_LABELS[view.status]) },
    { label: 'home.deadline', value: <DeadlineText deadline={view.responseDeadline} /> },
  ];
}

/** A page about one evaluation (`/app/evaluations/:id…`): its summary, under the page's title, then what comes next. */
export function EvaluationSummaryPage({
  title,
  next,
  children,
}: {
  title: MessageKey;
  next: MessageKey;
  /** What the page shows under the summary, once the evaluation is read. */
  children?: () => ReactNode;
}) {
  const { id = '' } = useParams();
  const evaluation = useEvaluation(id);
  const rows = useEvaluationRows();
  return (
    <SummaryPage
      title={title}
      notFound={{ title: 'evaluation.notFoundTitle', body: 'evaluation.notFoundBody' }}
      query={evaluation}
      rows={rows}
      next={next}
    >
      {children}
    </SummaryPage>
  );
}
