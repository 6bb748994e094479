import { Container, Text, Title } from '@mantine/core';
import { CONTACT_META_NAME } from '@mesecvi/web-links';
import { useT } from '../i18n/i18n-context';

/**
 * The secretariat's address, as the api configures it (written into the shell it serves); absent
 * only when the shell comes from the Vite dev server, where the sentence goes without it.
 */
function secretariatContact(): string | undefined {
  const content = document.querySelector(`meta[name="${CONTACT_META_NAME}"]`)?.getAttribute('content');
  return content ?? undefined;
}

/** On every page: whom to contact, and that a request id shown with an error is what to quote. */
export function HelpFooter() {
  const t = useT();
  const email = secretariatContact();
  return (
    <Container component="footer" size="md" py="lg" aria-labelledby="help-title">
      <Title order={2} size="h4" id="help-title">
        {t('help.title')}
      </Title>
      <Text size="sm">{email ? t('help.contact', { email }) : t('help.contactUnconfigured')}</Text>
    </Container>
  );
}
