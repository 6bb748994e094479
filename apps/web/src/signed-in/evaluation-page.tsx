import { Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { api } from '../api';
import { QueryState } from '../components/query-state';
import { asApiError, call } from '../errors/api-error';
import { EVALUATION_STATUS_LABELS } from '../i18n/enum-labels';
import { useT } from '../i18n/i18n-context';
import { useSession } from '../session/use-session';
import { DeadlineText } from './deadline-text';
import { useStateNames } from './use-states';

// The questionnaire's pages load with their own chunk, only for the state's people.
const QuestionnaireTaskList = lazy(() => import('../questionnaire/task-list'));

/** Refusals that all read "not found": whether another state's evaluation exists is not told. */
const NOT_VISIBLE = new Set([403, 404]);

/** `/app/evaluations/:id`: one evaluation's summary (round, state, status, deadline). */
export function EvaluationPage() {
  const t = useT();
  const { id = '' } = useParams();
  const stateName = useStateNames();
  const role = useSession().account?.role;
  const answers = role === 'state_focal_point' || role === 'state_contributor';
  const evaluation = useQuery({
    queryKey: ['evaluation', id],
    queryFn: () => call(api.GET('/evaluations/{id}', { params: { path: { id } } })),
  });
  if (evaluation.isError && NOT_VISIBLE.has(asApiError(evaluation.error).status))
    return (
      <Stack gap="md">
        <Title order={1}>{t('evaluation.notFoundTitle')}</Title>
        <Text>{t('evaluation.notFoundBody')}</Text>
      </Stack>
    );
  return (
    <Stack gap="md">
      <Title order={1}>{t('evaluation.title')}</Title>
      <QueryState query={evaluation}>
        {(view) => (
          <Table variant="vertical" maw={640}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('home.round')}</Table.Th>
                <Table.Td data-api-text>{view.roundName}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('home.state')}</Table.Th>
                <Table.Td data-api-text>{stateName(view.stateCode)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('home.status')}</Table.Th>
                <Table.Td>{t(EVALUATION_STATUS_LABELS[view.status])}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('home.deadline')}</Table.Th>
                <Table.Td>
                  <DeadlineText deadline={view.responseDeadline} />
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      {answers && evaluation.isSuccess && (
        <Suspense>
          <QuestionnaireTaskList evaluationId={id} />
        </Suspense>
      )}
    </Stack>
  );
}
