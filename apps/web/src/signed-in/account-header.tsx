import { Alert, Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { session } from '../api';
import type { StoredDraft } from '../drafts/draft-store';
import { flushAll, forgetDrafts, unsentDrafts } from '../drafts/savers';
import { ROLE_LABELS } from '../i18n/enum-labels';
import { useT } from '../i18n/i18n-context';
import type { Account } from '../session/session';
import { CalendarFeed } from './calendar-feed';
import { LanguageSwitch } from './language-switch';
import { useStateNames } from './use-states';

/** Every signed-in page's header: who is signed in (name, role, state), language, calendar, sign-out. */
export function AccountHeader({ account }: { account: Account }) {
  const t = useT();
  const stateName = useStateNames();
  const [signingOut, setSigningOut] = useState(false);
  const [unsent, setUnsent] = useState<StoredDraft[]>([]);

  // The session over, this page's gate takes her to the sign-in page ("You have signed out").
  // Answers not yet on the server are never dropped by signing out: she is told which, and the
  // local copy goes only when nothing is left to send.
  const signOut = async (anyway = false) => {
    setSigningOut(true);
    if (!anyway) {
      await flushAll().catch(() => undefined);
      const left = await unsentDrafts(account.id);
      if (left.length > 0) {
        setUnsent(left);
        setSigningOut(false);
        return;
      }
      await forgetDrafts(account.id);
    }
    await session.signOut().catch(() => undefined);
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Anchor component={Link} to="/app" fw={700} size="lg">
          {t('platform.name')}
        </Anchor>
        <Button variant="outline" loading={signingOut} onClick={() => void signOut()}>
          {t('layout.signOut')}
        </Button>
      </Group>
      {unsent.length > 0 && (
        <Alert color="orange" title={t('layout.unsentTitle')} role="alertdialog" aria-label={t('layout.unsentTitle')}>
          <Stack gap="xs">
            <Text size="sm">{t('layout.unsentBody')}</Text>
            <List size="sm">
              {unsent.map((draft) => (
                <List.Item key={draft.evaluationId} data-api-text>
                  {draft.title}: {draft.pendingLabels.join(' · ')}
                </List.Item>
              ))}
            </List>
            <Group>
              <Button onClick={() => setUnsent([])}>{t('layout.unsentStay')}</Button>
              <Button variant="default" onClick={() => void signOut(true)}>
                {t('layout.unsentSignOut')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <Group gap="lg" align="flex-end" wrap="wrap" aria-label={t('layout.account')} role="group">
        <div>
          <Text fw={600} data-api-text>
            {account.name}
          </Text>
          <Text size="sm">{t('layout.role', { role: t(ROLE_LABELS[account.role]) })}</Text>
          {account.stateCode && (
            <Text size="sm" data-state-name>
              {t('layout.state', { state: stateName(account.stateCode) })}
            </Text>
          )}
        </div>
        <LanguageSwitch account={account} />
        <CalendarFeed />
      </Group>
    </Stack>
  );
}
