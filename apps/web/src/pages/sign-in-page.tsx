import { Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useT } from '../i18n/i18n-context';

/** The sign-in form; it signs nobody in yet (the browser session comes with the signed-in pages). */
export function SignInPage() {
  const t = useT();
  return (
    <Stack gap="md" maw={420}>
      <Title order={1}>{t('signIn.title')}</Title>
      <Text role="note">{t('signIn.comingSoon')}</Text>
      <form onSubmit={(event) => event.preventDefault()}>
        <Stack gap="sm">
          <TextInput label={t('signIn.email')} type="email" name="email" autoComplete="username" required />
          <PasswordInput
            label={t('signIn.password')}
            name="password"
            autoComplete="current-password"
            required
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
          />
          <div>
            <Button type="submit" disabled>
              {t('signIn.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
