import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { session } from '../api';
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

  // The session over, this page's gate takes her to the sign-in page ("You have signed out").
  const signOut = async () => {
    setSigningOut(true);
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
