import { Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api';
import { ErrorMessage } from '../components/error-message';
import { call } from '../errors/api-error';
import { useT } from '../i18n/i18n-context';

/** The same feed as a `webcal:` link, which calendar applications open as a subscription. */
export const webcalUrl = (url: string): string => url.replace(/^https?:/, 'webcal:');

/**
 * "Subscribe to my deadlines": asks for the person's secret iCalendar address (a new one each
 * time, ending the previous) and shows it to copy, and as a link calendar applications open.
 */
export function CalendarFeed() {
  const t = useT();
  const [url, setUrl] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const subscribe = async () => {
    setBusy(true);
    setError(undefined);
    try {
      // The answer is described by an example only: its one member is checked here.
      const feed: unknown = await call(api.POST('/me/calendar-feed'));
      const address = typeof feed === 'object' && feed !== null && 'url' in feed ? feed.url : undefined;
      if (typeof address !== 'string') throw new Error('the api answered no calendar address');
      setUrl(address);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Button variant="light" loading={busy} onClick={() => void subscribe()}>
        {t('calendar.button')}
      </Button>
      {error !== undefined && <ErrorMessage error={error} />}
      {url && (
        <Paper withBorder p="sm" mt="xs" maw={560}>
          <Stack gap="xs">
            <Title order={2} size="h5">
              {t('calendar.title')}
            </Title>
            <Text size="sm">{t('calendar.intro')}</Text>
            <TextInput
              label={t('calendar.url')}
              value={url}
              readOnly
              onFocus={(event) => event.currentTarget.select()}
              data-api-text
            />
            <Anchor href={webcalUrl(url)}>{t('calendar.open')}</Anchor>
          </Stack>
        </Paper>
      )}
    </div>
  );
}
