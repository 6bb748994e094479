import { Stack, Title } from '@mantine/core';
import { useT } from '../i18n/i18n-context';
import type { Account } from '../session/session';
import { ExpertHome } from './expert-home';
import { SecretariatHome } from './secretariat-home';
import { StateHome } from './state-home';

/** `/app`: each role's own home. */
export function RoleHome({ account }: { account: Account }) {
  const t = useT();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('home.welcome', { name: account.name })}</Title>
      {account.role === 'secretariat' && <SecretariatHome />}
      {account.role === 'committee_expert' && <ExpertHome />}
      {(account.role === 'state_focal_point' || account.role === 'state_contributor') && <StateHome />}
    </Stack>
  );
}
