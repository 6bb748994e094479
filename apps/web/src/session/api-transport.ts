import type { ApiClient } from '@mesecvi/api-client';
import { call } from '../errors/api-error';
import type { SessionTransport } from './session';

/** The header the session endpoints require: a cross-site form cannot send it without a preflight. */
const SESSION = { header: { 'X-Mesecvi-Session': '1' } } as const;

/** The session endpoints of the api, called with its HttpOnly cookie (same origin: sent by default). */
export function apiSessionTransport(client: ApiClient): SessionTransport {
  return {
    start: (email, password) => call(client.POST('/auth/session', { body: { email, password }, params: SESSION })),
    refresh: async () => {
      const pending = client.POST('/auth/session/refresh', { body: {}, params: SESSION });
      const outcome = await pending.catch(() => undefined);
      if (outcome?.response.status === 401) return undefined;
      return call(pending);
    },
    end: async () => {
      await call(client.POST('/auth/session/end', { body: {}, params: SESSION }));
    },
  };
}
