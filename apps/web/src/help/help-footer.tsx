import { Container, Text, Title } from '@mantine/core';
import { useT } from '../i18n/i18n-context';

/**
 * Where people write for help. The api configures no contact of its own (its mail is sent from
 * a no-reply address), so the app names the secretariat's public address.
 */
export const SECRETARIAT_EMAIL = 'mesecvi@oas.org';

/** On every page: whom to contact, and that a request id shown with an error is what to quote. */
export function HelpFooter() {
  const t = useT();
  return (
    <Container component="footer" size="md" py="lg" aria-labelledby="help-title">
      <Title order={2} size="h4" id="help-title">
        {t('help.title')}
      </Title>
      <Text size="sm">{t('help.contact', { email: SECRETARIAT_EMAIL })}</Text>
    </Container>
  );
}
