import { Stack, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryState } from '../components/query-state';
import { asApiError } from '../errors/api-error';
import { useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/en';

/** Refusals that all read "not found": whether another state's object exists is not told. */
const NOT_VISIBLE = new Set([403, 404]);

export interface SummaryRow {
  label: MessageKey;
  value: ReactNode;
  /** The value is the api's text (a name, a title), not the catalogue's. */
  apiText?: boolean;
}

/**
 * The page a mailed link opens until the object has a page of its own: its summary as a table
 * and what comes next; "not found" when the person may not see it.
 */
export function SummaryPage<T>({
  title,
  notFound,
  query,
  rows,
  next,
  children,
}: {
  title: MessageKey;
  notFound: { title: MessageKey; body: MessageKey };
  query: UseQueryResult<T, unknown>;
  rows: (data: T) => SummaryRow[];
  /** What the person does next, or what happens next, in one or two sentences. */
  next: MessageKey;
  children?: (data: T) => ReactNode;
}) {
  const t = useT();
  if (query.isError && NOT_VISIBLE.has(asApiError(query.error).status))
    return (
      <Stack gap="md">
        <Title order={1}>{t(notFound.title)}</Title>
        <Text>{t(notFound.body)}</Text>
      </Stack>
    );
  return (
    <Stack gap="md">
      <Title order={1}>{t(title)}</Title>
      <QueryState query={query}>
        {(data) => (
          <>
            <SummaryTable rows={rows(data)} />
            {children?.(data)}
            <section aria-labelledby="summary-next">
              <Title order={2} size="h3" id="summary-next" mb="xs">
                {t('summary.nextTitle')}
              </Title>
              <Text>{t(next)}</Text>
            </section>
          </>
        )}
      </QueryState>
    </Stack>
  );
}

/** Label and value, a row each. */
export function SummaryTable({ rows }: { rows: SummaryRow[] }) {
  const t = useT();
  return (
    <Table variant="vertical" maw={640}>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.label}>
            <Table.Th scope="row">{t(row.label)}</Table.Th>
            <Table.Td {...(row.apiText ? { 'data-api-text': true } : {})}>{row.value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
