import { Button, Stack, Text, Title } from '@mantine/core';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { clientErrors } from '../api';
import { useT } from '../i18n/i18n-context';

function PageFault() {
  const t = useT();
  return (
    <Stack gap="md" role="alert" p="lg">
      <Title order={1}>{t('help.pageError')}</Title>
      <Text>{t('help.pageErrorBody')}</Text>
      <div>
        <Button onClick={() => window.location.reload()}>{t('help.reload')}</Button>
      </div>
    </Stack>
  );
}

/** A page that fails to render says so in the person's language (never a blank page) and is reported. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    const stack = [error.stack, info.componentStack].filter(Boolean).join('\n');
    clientErrors.report(Object.assign(new Error(error.message), { name: error.name, stack }));
  }

  override render(): ReactNode {
    return this.state.failed ? <PageFault /> : this.props.children;
  }
}

/** Errors outside React's rendering: uncaught exceptions and promises nobody handled. */
export function reportUncaughtErrors(): void {
  window.addEventListener('error', (event) => clientErrors.report(event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => clientErrors.report(event.reason));
}
