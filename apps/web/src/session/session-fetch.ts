import type { Session } from './session';

/** The session's own endpoints answer 401 for themselves; a refresh would not help them. */
const SESSION_PATH = /\/auth\/session(?:\/|$)/;

/**
 * The fetch every api call goes through: it sends the session's access token, and on a 401 asks
 * the session for a fresh one (one refresh for every call refused at once, across tabs) and tries
 * the call once more. A session that is over answers the 401 as it came; the session has told
 * its listeners, which take the person to the sign-in page.
 */
export function sessionFetch(session: Session, base: typeof fetch = (...args) => fetch(...args)): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (SESSION_PATH.test(new URL(request.url).pathname)) return base(request);
    // Read once, so the same bytes go again on the retry (as a plain body, never a stream).
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
    const attempt = (token: string | undefined): Promise<Response> => {
      const headers = new Headers(request.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      const { method, credentials, redirect, signal } = request;
      return base(new Request(request.url, { method, headers, body, credentials, redirect, signal }));
    };
    const token = session.accessToken;
    const first = await attempt(token);
    if (first.status !== 401 || session.status === 'signed-out') return first;
    const grant = await session.refresh(token);
    if (!grant) return first;
    return attempt(grant.accessToken);
  };
}
