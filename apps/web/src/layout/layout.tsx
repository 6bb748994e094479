import { Anchor, Container, Group } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useT } from '../i18n/i18n-context';

/** Every page's frame: a skip link, the platform's name (home) and "Sign in", then the page. */
export function Layout() {
  const t = useT();
  const title = t('platform.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
  // After a move within the app the page's content takes the focus, as a new page would: a screen
  // reader announces it, and the next Tab starts there (not on the link that was clicked).
  const { pathname } = useLocation();
  const main = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [pathname]);
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
      <Container component="main" id="main" ref={main} size="md" py="lg" tabIndex={-1}>
        <Outlet />
      </Container>
    </>
  );
}
