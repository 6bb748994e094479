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
    const again = request.clone();
    const token = session.accessToken;
    const first = await base(withBearer(request, token));
    if (first.status !== 401 || session.status === 'signed-out') return first;
    const grant = await session.refresh(token);
    if (!grant) return first;
    return base(withBearer(again, grant.accessToken));
  };
}

function withBearer(request: Request, token: string | undefined): Request {
  if (token) request.headers.set('authorization', `Bearer ${token}`);
  return request;
}
