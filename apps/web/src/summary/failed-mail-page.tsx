import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { call } from '../errors/api-error';
import { formatLocalTime } from '../home/deadline';
import { useT } from '../i18n/i18n-context';
import { useStateNames } from '../signed-in/use-states';
import { SummaryPage } from './summary-page';

/** How many undelivered mails the page lists; the ledger export has them all. */
const SHOWN = 50;

/** `/app/outbox/failed`: the mails the platform gave up on, newest first (the secretariat's). */
export function FailedMailPage() {
  const t = useT();
  const stateName = useStateNames();
  const failed = useQuery({
    queryKey: ['outbox', 'failed'],
    queryFn: () => call(api.GET('/outbox', { params: { query: { status: 'failed', limit: SHOWN } } })),
  });
  return (
    <SummaryPage
      title="failedMail.title"
      notFound={{ title: 'notFound.title', body: 'notFound.body' }}
      query={failed}
      rows={(page) => [{ label: 'failedMail.count', value: page.nextCursor ? `${SHOWN}+` : String(page.items.length) }]}
      next="failedMail.next"
    >
      {(page) =>
        page.items.length === 0 ? (
          <Text>{t('failedMail.none')}</Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('failedMail.recipient')}</Table.Th>
                <Table.Th scope="col">{t('home.state')}</Table.Th>
                <Table.Th scope="col">{t('failedMail.staged')}</Table.Th>
                <Table.Th scope="col">{t('failedMail.attempts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.items.map((mail) => (
                <Table.Tr key={mail.id}>
                  <Table.Td data-api-text>{mail.recipient.address ?? '—'}</Table.Td>
                  <Table.Td data-api-text>{mail.stateCode ? stateName(mail.stateCode) : '—'}</Table.Td>
                  <Table.Td>{formatLocalTime(new Date(mail.createdAt), t.language)}</Table.Td>
                  <Table.Td>{String(mail.attempts)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )
      }
    </SummaryPage>
  );
}
