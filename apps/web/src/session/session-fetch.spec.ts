import { Session, type SessionGrant, type TabCoordination } from './session';
import { sessionFetch } from './session-fetch';

const oneTab: TabCoordination = { exclusive: (task) => task(), publish: () => undefined, subscribe: () => undefined };

const grant = (token: string): SessionGrant => ({
  accessToken: token,
  accessTokenExpiresAt: '2026-12-06T18:00:00.000Z',
  account: {
    id: '6f1c1c8e-7d0a-4d57-9a51-1f2f0c3b9a10',
    email: 'secretariat@mesecvi.demo',
    name: 'Ana Secretaría',
    role: 'secretariat',
    stateCode: null,
    status: 'active',
    preferredLanguage: null,
    language: 'en',
    createdAt: '2026-11-23T14:00:00.000Z',
  },
});

/** An api that accepts only `valid` tokens, and keeps what it was sent. */
function fakeApi(valid: Set<string>) {
  const seen: Array<{ url: string; authorization: string | null; body: string }> = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const authorization = request.headers.get('authorization');
    seen.push({ url: new URL(request.url).pathname, authorization, body: await request.text() });
    const ok = authorization !== null && valid.has(authorization.replace('Bearer ', ''));
    return new Response(ok ? '{}' : '{"code":"unauthenticated"}', { status: ok ? 200 : 401 });
  };
  return { fetch, seen };
}

async function signedIn(refreshed: SessionGrant | undefined) {
  let refreshes = 0;
  const session = new Session(
    {
      start: () => Promise.resolve(grant('old')),
      refresh: () => {
        refreshes++;
        return Promise.resolve(refreshed);
      },
      end: () => Promise.resolve(),
    },
    oneTab,
  );
  await session.signIn('a', 'b');
  return { session, refreshes: () => refreshes };
}

describe('the fetch every api call goes through', () => {
  it('sends the access token; a 401 refreshes once and retries once, body and all', async () => {
    const api = fakeApi(new Set(['new']));
    const { session, refreshes } = await signedIn(grant('new'));
    const fetch = sessionFetch(session, api.fetch);

    const answers = await Promise.all([
      fetch('https://platform.test/me', { method: 'PATCH', body: '{"preferredLanguage":"fr"}' }),
      fetch('https://platform.test/rounds'),
    ]);

    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(refreshes()).toBe(1);
    expect(api.seen.filter((s) => s.authorization === 'Bearer new').map((s) => [s.url, s.body])).toEqual(
      expect.arrayContaining([
        ['/me', '{"preferredLanguage":"fr"}'],
        ['/rounds', ''],
      ]),
    );
  });

  it('a session that is over: the 401 comes back as it was, after one refresh, and the session is signed out', async () => {
    const api = fakeApi(new Set());
    const { session, refreshes } = await signedIn(undefined);
    const answer = await sessionFetch(session, api.fetch)('https://platform.test/rounds');
    expect(answer.status).toBe(401);
    expect(refreshes()).toBe(1);
    expect(api.seen).toHaveLength(1);
    expect(session.status).toBe('signed-out');
  });

  it("never refreshes for the session's own endpoints", async () => {
    const api = fakeApi(new Set());
    const { session, refreshes } = await signedIn(grant('new'));
    const answer = await sessionFetch(session, api.fetch)('https://platform.test/auth/session/refresh', {
      method: 'POST',
    });
    expect(answer.status).toBe(401);
    expect(refreshes()).toBe(0);
    expect(api.seen[0].authorization).toBeNull();
  });
});
