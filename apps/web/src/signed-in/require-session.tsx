import { Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { session } from '../api';
import { ErrorMessage } from '../components/error-message';
import { QUERY_RETRY } from '../errors/query-retry';
import { useT } from '../i18n/i18n-context';
import { signInFor } from '../session/return-to';
import { useSession } from '../session/use-session';
import type { SignInState } from '../sign-in/sign-in-page';

/**
 * The signed-in pages' gate. A new tab or a reload has no access token yet: it asks for one with
 * the session cookie (one refresh across tabs). No session, or one that ends while the person is
 * here, sends her to the sign-in page, which brings her back to this very page afterwards.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const t = useT();
  const { status } = useSession();
  const { pathname, search, hash } = useLocation();
  const restore = useQuery({
    queryKey: ['session-restore'],
    queryFn: async () => (await session.refresh(undefined)) ?? null,
    enabled: status === 'unknown',
    staleTime: Infinity,
    gcTime: 0,
    ...QUERY_RETRY,
  });
  if (status === 'signed-out') {
    // Signed out on purpose (here or in another tab): the sign-in page says so, and takes her home after.
    if (session.endReason === 'signed-out') {
      const state: SignInState = { signedOut: true };
      return <Navigate to="/sign-in" replace state={state} />;
    }
    // "Your session has ended" only to someone who had one here; a mailed link opened afresh just asks to sign in.
    const state: SignInState = { ended: session.hadSession };
    return <Navigate to={signInFor(`${pathname}${search}${hash}`)} replace state={state} />;
  }
  if (status === 'signed-in') return children;
  if (restore.failureReason) return <ErrorMessage error={restore.failureReason} />;
  return (
    <Text role="status">
      <Loader size="xs" mr="xs" aria-hidden />
      {t('session.restoring')}
    </Text>
  );
}
