import { Alert, Text } from '@mantine/core';
import { asApiError } from '../errors/api-error';
import { problemMessageKey } from '../errors/problem-message';
import { useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/en';

/** A failed call in the person's language, with the request id to quote to the secretariat. */
export function ErrorMessage({ error, message }: { error: unknown; message?: MessageKey }) {
  const t = useT();
  const { requestId } = asApiError(error);
  return (
    <Alert color="red" role="alert" variant="light">
      <Text>{t(message ?? problemMessageKey(error))}</Text>
      {requestId && (
        <Text size="sm" mt="xs" data-request-id={requestId}>
          {t('problem.requestId', { id: requestId })}
        </Text>
      )}
    </Alert>
  );
}
