import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { call } from '../errors/api-error';
import { formatDueDate } from '../home/deadline';
import { ASSIGNMENT_STATUS_LABELS } from '../i18n/enum-labels';
import { useT } from '../i18n/i18n-context';
import { HomeSection } from './home-section';
import { useStateNames } from './use-states';

/** The caller's rapporteur assignments in every round (the api lists only an expert's own), withdrawn ones left out. */
export async function fetchAssignments() {
  const rounds = await call(api.GET('/rounds'));
  const lists = await Promise.all(
    rounds.map(async (round) => {
      const path = { id: round.id };
      const assignments = await call(api.GET('/rounds/{id}/rapporteur-assignments', { params: { path } }));
      return assignments.map((assignment) => ({ ...assignment, roundName: round.name }));
    }),
  );
  return lists.flat().filter((assignment) => assignment.status !== 'withdrawn');
}

function useAssignments() {
  return useQuery({ queryKey: ['home', 'rapporteur-assignments'], queryFn: fetchAssignments });
}

/** The home of a member of the Committee of Experts: her rapporteur assignments. */
export function ExpertHome() {
  const t = useT();
  const stateName = useStateNames();
  return (
    <HomeSection
      id="expert-assignments"
      title="home.expertTitle"
      empty="home.expertNone"
      columns={['home.round', 'home.state', 'home.status', 'home.reviewDue']}
      query={useAssignments()}
      row={(assignment) => (
        <>
          <Table.Td data-api-text>{assignment.roundName}</Table.Td>
          <Table.Td data-api-text>{stateName(assignment.stateCode)}</Table.Td>
          <Table.Td>{t(ASSIGNMENT_STATUS_LABELS[assignment.status])}</Table.Td>
          <Table.Td>
            {assignment.reviewDueDate ? formatDueDate(assignment.reviewDueDate, t.language) : t('home.noDeadline')}
          </Table.Td>
        </>
      )}
    />
  );
}
