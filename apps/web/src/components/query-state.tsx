import { Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/en';
import { ErrorMessage } from './error-message';

/**
 * What a query shows until it has data: a loading line; while the api cannot be reached, a
 * message saying so (the query keeps retrying and the page recovers by itself); an error with
 * its request id. Never a blank page.
 */
export function QueryState<T>({
  query,
  loading = 'home.loading',
  children,
}: {
  query: UseQueryResult<T, unknown>;
  loading?: MessageKey;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  if (query.isSuccess) return children(query.data);
  if (query.isError) return <ErrorMessage error={query.error} />;
  if (query.failureReason) return <ErrorMessage error={query.failureReason} />;
  return (
    <Text role="status">
      <Loader size="xs" mr="xs" aria-hidden />
      {t(loading)}
    </Text>
  );
}
