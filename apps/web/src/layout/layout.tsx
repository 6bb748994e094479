import { Anchor, Container, Group } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { useT } from '../i18n/i18n-context';

/** Every page's frame: a skip link, the platform's name (home) and "Sign in", then the page. */
export function Layout() {
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header>
        <Container size="md" py="md">
          <Group justify="space-between">
            <Anchor component={Link} to="/" fw={700} size="lg">
              {t('platform.name')}
            </Anchor>
            <Anchor component={Link} to="/sign-in">
              {t('layout.signIn')}
            </Anchor>
          </Group>
        </Container>
      </header>
      <Container component="main" id="main" size="md" py="lg" tabIndex={-1}>
        <Outlet />
      </Container>
    </>
  );
}
