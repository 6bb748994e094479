import { Anchor, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api';
import { call } from '../errors/api-error';
import { EVALUATION_STATUS_LABELS, type EvaluationStatus } from '../i18n/enum-labels';
import { useT } from '../i18n/i18n-context';
import { DeadlineText } from './deadline-text';
import { HomeSection } from './home-section';

/** An evaluation is done with, for its state, once its final report is adopted. */
const CLOSED_STATUSES: ReadonlySet<EvaluationStatus> = new Set(['final_adopted', 'published']);

/** The state's evaluations still open, in every round (the api lists only the caller's state's). */
function useOpenEvaluations() {
  return useQuery({
    queryKey: ['home', 'state-evaluations'],
    queryFn: async () => {
      const rounds = await call(api.GET('/rounds'));
      const lists = await Promise.all(
        rounds
          .filter((round) => round.phase !== 'planning' && round.phase !== 'closed')
          .map((round) => call(api.GET('/rounds/{id}/evaluations', { params: { path: { id: round.id } } }))),
      );
      return lists.flat().filter((evaluation) => !CLOSED_STATUSES.has(evaluation.status));
    },
  });
}

/** The home of a state's focal point or contributor: the state's open evaluations and their deadlines. */
export function StateHome() {
  const t = useT();
  return (
    <HomeSection
      id="state-evaluations"
      title="home.stateTitle"
      empty="home.stateNone"
      columns={['home.round', 'home.status', 'home.deadline']}
      query={useOpenEvaluations()}
      row={(evaluation) => (
        <>
          <Table.Td>
            <Anchor component={Link} to={`/app/evaluations/${evaluation.id}`} data-api-text>
              {evaluation.roundName}
            </Anchor>
          </Table.Td>
          <Table.Td>{t(EVALUATION_STATUS_LABELS[evaluation.status])}</Table.Td>
          <Table.Td>
            <DeadlineText deadline={evaluation.responseDeadline} />
          </Table.Td>
        </>
      )}
    />
  );
}
