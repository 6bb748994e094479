import { Session, type Account, type SessionGrant, type SessionMessage, type TabCoordination } from './session';

const account = (name: string): Account => ({
  id: '6f1c1c8e-7d0a-4d57-9a51-1f2f0c3b9a10',
  email: 'focal.arg@mesecvi.demo',
  name,
  role: 'state_focal_point',
  stateCode: 'ARG',
  status: 'active',
  preferredLanguage: null,
  language: 'es',
  createdAt: '2026-11-23T14:00:00.000Z',
});

/** One browser: a lock its tabs queue on, and a channel delivering each message to the other tabs. */
class FakeBrowser {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly tabs: Array<(message: SessionMessage) => void> = [];

  tab(): TabCoordination {
    let self: ((message: SessionMessage) => void) | undefined;
    return {
      exclusive: <T>(task: () => Promise<T>): Promise<T> => {
        const run = this.queue.then(task, task);
        this.queue = run.catch(() => undefined);
        return run;
      },
      publish: (message) => {
        for (const listener of this.tabs) if (listener !== self) listener(structuredClone(message));
      },
      subscribe: (listener) => {
        self = listener;
        this.tabs.push(listener);
      },
    };
  }
}

/** The api's session endpoints: each refresh rotates the token; `over` ends the session. */
function fakeApi() {
  const calls = { start: 0, refresh: 0, end: 0 };
  let over = false;
  let issued = 0;
  const grant = (): SessionGrant => ({
    accessToken: `token-${++issued}`,
    accessTokenExpiresAt: '2026-12-06T18:00:00.000Z',
    account: account('María Fernández'),
  });
  return {
    calls,
    endSession: () => {
      over = true;
    },
    transport: {
      start: () => {
        calls.start++;
        over = false;
        return Promise.resolve(grant());
      },
      refresh: () => {
        calls.refresh++;
        return Promise.resolve(over ? undefined : grant());
      },
      end: () => {
        calls.end++;
        over = true;
        return Promise.resolve();
      },
    },
  };
}

describe('the browser session', () => {
  it('signs in, keeps the token in memory and tells the other tabs', async () => {
    const api = fakeApi();
    const browser = new FakeBrowser();
    const first = new Session(api.transport, browser.tab());
    const second = new Session(api.transport, browser.tab());
    expect(first.status).toBe('unknown');

    await first.signIn('focal.arg@mesecvi.demo', 'demo-argentina-2026');

    expect(first.accessToken).toBe('token-1');
    expect(second.accessToken).toBe('token-1');
    expect(second.account?.name).toBe('María Fernández');
  });

  it('refreshes once for all the calls of a tab refused at the same time', async () => {
    const api = fakeApi();
    const session = new Session(api.transport, new FakeBrowser().tab());
    await session.signIn('a', 'b');

    const grants = await Promise.all([session.refresh(), session.refresh(), session.refresh()]);

    expect(api.calls.refresh).toBe(1);
    expect(grants.map((g) => g?.accessToken)).toEqual(['token-2', 'token-2', 'token-2']);
  });

  it('two tabs refused with the same token: one refresh, both take its token', async () => {
    const api = fakeApi();
    const browser = new FakeBrowser();
    const first = new Session(api.transport, browser.tab());
    const second = new Session(api.transport, browser.tab());
    await first.signIn('a', 'b');

    const [a, b] = await Promise.all([first.refresh('token-1'), second.refresh('token-1')]);

    expect(api.calls.refresh).toBe(1);
    expect([a?.accessToken, b?.accessToken]).toEqual(['token-2', 'token-2']);
    expect(second.accessToken).toBe('token-2');
  });

  it('a new tab restores the session from the cookie; a session that is over signs every tab out', async () => {
    const api = fakeApi();
    const browser = new FakeBrowser();
    const first = new Session(api.transport, browser.tab());
    await first.signIn('a', 'b');
    const second = new Session(api.transport, browser.tab());
    expect(second.accessToken).toBeUndefined();

    expect((await second.refresh())?.accessToken).toBe('token-2');
    expect(first.accessToken).toBe('token-2');

    api.endSession();
    const changes: string[] = [];
    first.subscribe(() => changes.push(first.status));
    expect(await second.refresh('token-2')).toBeUndefined();
    expect([first.status, second.status]).toEqual(['signed-out', 'signed-out']);
    expect([first.endReason, second.endReason]).toEqual(['expired', 'expired']);
    expect(first.accessToken).toBeUndefined();
    expect(changes).toEqual(['signed-out']);
  });

  it('a browser that never had a session is signed out, without having held one', async () => {
    const api = fakeApi();
    api.endSession();
    const fresh = new Session(api.transport, new FakeBrowser().tab());
    expect(await fresh.refresh()).toBeUndefined();
    expect([fresh.status, fresh.hadSession]).toEqual(['signed-out', false]);
    await fresh.signIn('a', 'b');
    expect(fresh.hadSession).toBe(true);
  });

  it('signing out ends the session at the api even when the call fails, and forgets it everywhere', async () => {
    const api = fakeApi();
    const browser = new FakeBrowser();
    const first = new Session(api.transport, browser.tab());
    const second = new Session(api.transport, browser.tab());
    await first.signIn('a', 'b');

    await first.signOut();
    expect(api.calls.end).toBe(1);
    expect([first.endReason, second.endReason]).toEqual(['signed-out', 'signed-out']);
    expect([first.status, second.status, first.account, second.accessToken]).toEqual([
      'signed-out',
      'signed-out',
      undefined,
      undefined,
    ]);

    await second.signIn('a', 'b');
    const failing = new Session(
      { ...api.transport, end: () => Promise.reject(new TypeError('offline')) },
      browser.tab(),
    );
    await failing.refresh();
    await expect(failing.signOut()).rejects.toThrow('offline');
    expect([failing.status, second.status]).toEqual(['signed-out', 'signed-out']);
  });

  it('a changed account (its language) reaches the other tabs', async () => {
    const api = fakeApi();
    const browser = new FakeBrowser();
    const first = new Session(api.transport, browser.tab());
    const second = new Session(api.transport, browser.tab());
    await first.signIn('a', 'b');
    first.updateAccount({ ...account('María Fernández'), language: 'pt', preferredLanguage: 'pt' });
    expect(second.account?.language).toBe('pt');
    expect(second.accessToken).toBe('token-1');
  });
});
