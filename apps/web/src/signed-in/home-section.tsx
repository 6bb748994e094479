import { Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryState } from '../components/query-state';
import { useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/en';

/** A part of a home: its heading, then a table of what the query found (a row each), or a sentence when nothing. */
export function HomeSection<T extends { id: string }>({
  id,
  title,
  empty,
  columns,
  query,
  row,
}: {
  id: string;
  title: MessageKey;
  empty: MessageKey;
  columns: readonly MessageKey[];
  query: UseQueryResult<T[], unknown>;
  /** The row's cells, in the order of `columns`. */
  row: (item: T) => ReactNode;
}) {
  const t = useT();
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {t(title)}
      </Title>
      <QueryState query={query}>
        {(list) =>
          list.length === 0 ? (
            <Text>{t(empty)}</Text>
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((column) => (
                    <Table.Th scope="col" key={column}>
                      {t(column)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((item) => (
                  <Table.Tr key={item.id}>{row(item)}</Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </section>
  );
}
