import { Anchor, Container, Group } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { HelpFooter } from '../help/help-footer';
import { useT } from '../i18n/i18n-context';
import { useSession } from '../session/use-session';

/** Every page's frame: a skip link, a header, the page's content, and help. */
export function Frame({ header, children }: { header: ReactNode; children: ReactNode }) {
  const t = useT();
  const title = t('platform.name');
  useEffect(() => {
    document.title = title;
  }, [title]);
  // After a move within the app the page's content takes the focus, as a new page would: a screen
  // reader announces it, and the next Tab starts there (not on the link that was clicked). A link
  // to a part of the page (`#field`, from an error summary) leaves the focus to that page.
  const { pathname, hash } = useLocation();
  const main = useRef<HTMLDivElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) first.current = false;
    else if (!hash) main.current?.focus();
    // The hash is read with the path it came with; a change of the hash alone is no new page.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [pathname]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header>
        <Container size="md" py="md">
          {header}
        </Container>
      </header>
      <Container component="main" id="main" ref={main} size="md" py="lg" tabIndex={-1}>
        {children}
      </Container>
      <HelpFooter />
    </>
  );
}

/** The public pages' header: the platform's name (home), and "Sign in" (or the way back in). */
function PublicHeader() {
  const t = useT();
  const { status } = useSession();
  return (
    <Group justify="space-between">
      <Anchor component={Link} to="/" fw={700} size="lg">
        {t('platform.name')}
      </Anchor>
      {status === 'signed-in' ? (
        <Anchor component={Link} to="/app">
          {t('layout.appHome')}
        </Anchor>
      ) : (
        <Anchor component={Link} to="/sign-in">
          {t('layout.signIn')}
        </Anchor>
      )}
    </Group>
  );
}

/** The public pages (`/`, `/sign-in`, pages not found). */
export function Layout() {
  return (
    <Frame header={<PublicHeader />}>
      <Outlet />
    </Frame>
  );
}
