import { Anchor, List, Paper, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/i18n-context';
import type { FormError } from './sign-in-errors';

/**
 * The errors of a form above it, each linking to its field; it takes the focus when it appears so
 * a screen reader reads it first. The request id, when the api refused, is there to quote.
 */
export function ErrorSummary({ errors, requestId }: { errors: readonly FormError[]; requestId?: string }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [errors]);
  return (
    <Paper
      ref={box}
      withBorder
      p="md"
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
      className="error-summary"
    >
      <Title order={2} size="h4" id="error-summary-title" mb="xs">
        {t('signIn.errorSummary')}
      </Title>
      <List>
        {errors.map((error) => (
          <List.Item key={`${error.field ?? 'form'}-${error.key}`}>
            {error.field ? (
              <Anchor
                href={`#${error.field}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(error.field ?? '')?.focus();
                }}
              >
                {t(error.key, error.params)}
              </Anchor>
            ) : (
              t(error.key, error.params)
            )}
          </List.Item>
        ))}
      </List>
      {requestId && (
        <Text size="sm" mt="xs" data-request-id={requestId}>
          {t('problem.requestId', { id: requestId })}
        </Text>
      )}
    </Paper>
  );
}
