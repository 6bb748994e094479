import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { call } from '../errors/api-error';
import { HomeSection } from './home-section';

/** Rounds whose questionnaire has gone to the states and that are not closed. */
const OPEN_PHASES = new Set(['open_for_responses', 'analysis', 'reports', 'hemispheric_report']);

/** Each open round's totals: states on time, late, silent (overdue, nothing sent) and not yet due. */
function useOpenRounds() {
  return useQuery({
    queryKey: ['home', 'open-rounds'],
    queryFn: async () => {
      const rounds = (await call(api.GET('/rounds'))).filter((round) => OPEN_PHASES.has(round.phase));
      return Promise.all(
        rounds.map(async (round) => {
          const path = { id: round.id };
          const { totals } = await call(api.GET('/rounds/{id}/compliance', { params: { path } }));
          return { id: round.id, name: round.name, totals };
        }),
      );
    },
  });
}

/** The secretariat's home: the open rounds and who is on time, late or silent in each. */
export function SecretariatHome() {
  return (
    <HomeSection
      id="open-rounds"
      title="home.secretariatTitle"
      empty="home.secretariatNone"
      columns={['home.round', 'home.onTime', 'home.late', 'home.silent', 'home.notYetDue']}
      query={useOpenRounds()}
      row={({ name, totals }) => (
        <>
          <Table.Th scope="row" data-api-text>
            {name}
          </Table.Th>
          <Table.Td>{totals.onTime}</Table.Td>
          <Table.Td>{totals.late}</Table.Td>
          <Table.Td>{totals.overdue}</Table.Td>
          <Table.Td>{totals.pending}</Table.Td>
        </>
      )}
    />
  );
}
