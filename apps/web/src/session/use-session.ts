import { useSyncExternalStore } from 'react';
import { session } from '../api';
import type { Account, SessionState } from './session';

/** The session's state and account, re-rendering on every change (in this tab or another). */
export function useSession(): { status: SessionState; account: Account | undefined } {
  const status = useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.status,
  );
  const account = useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.account,
  );
  return { status, account };
}
