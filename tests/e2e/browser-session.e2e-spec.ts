// The web application's session: sign-in setting the refresh cookie, rotation, tabs refreshing at
// once (the grace), reuse after it, sign-out without a valid access token, the header and JSON
// body that keep other sites out, and the client error reports.
import { Logger } from '@nestjs/common';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { ClockService } from '@mesecvi/clock';
import {
  createAccount,
  createSuiteDatabase,
  startTestApi,
  testConfig,
  type SuiteDatabase,
  type TestAccount,
  type TestApi,
} from '../harness';

const PROBLEM = /^application\/problem\+json/;
const HEADER = { 'x-mesecvi-session': '1' };
const COOKIE = 'mesecvi_session';

/** The session cookie a response sets: its value and its attributes, as written. */
function sessionCookie(res: Response): { value: string; attributes: string[] } {
  const header = res.headers['set-cookie'] as unknown as string[] | undefined;
  const line = (header ?? []).find((c) => c.startsWith(`${COOKIE}=`));
  if (!line) throw new Error(`no ${COOKIE} cookie in ${JSON.stringify(header)}`);
  const [pair, ...attributes] = line.split(';').map((p) => p.trim());
  return { value: pair.slice(COOKIE.length + 1), attributes };
}

describe('browser session', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let secure: TestApi;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    const overrides = {
      LOGIN_MAX_ATTEMPTS: '1000',
      ACCESS_TOKEN_TTL_SECONDS: '60',
      REFRESH_TOKEN_TTL_DAYS: '7',
      SESSION_REFRESH_GRACE_SECONDS: '10',
      CLIENT_ERRORS_RATE_LIMIT_POINTS: '3',
    };
    api = await startTestApi(testConfig(db.url, overrides));
    secure = await startTestApi(testConfig(db.url, { ...overrides, PUBLIC_BASE_URL: 'https://mesecvi.example.org' }));
    ds = api.app.get(DataSource);
  });
  afterAll(async () => {
    await secure?.close();
    await api?.close();
    await db?.drop();
  });

  const start = (on: TestApi, user: TestAccount) =>
    on.http().post('/auth/session').set(HEADER).send({ email: user.email, password: user.password });
  const refresh = (cookie: string) =>
    api.http().post('/auth/session/refresh').set(HEADER).set('cookie', `${COOKIE}=${cookie}`).send({});
  const end = (cookie?: string) => {
    const call = api.http().post('/auth/session/end').set(HEADER);
    return (cookie ? call.set('cookie', `${COOKIE}=${cookie}`) : call).send({});
  };
  const me = (accessToken: string) => api.http().get('/me').set('authorization', `Bearer ${accessToken}`);
  const revokedRows = async (userId: string): Promise<number> => {
    const rows: Array<{ n: number }> = await ds.query(
      'SELECT count(*)::int AS n FROM refresh_token WHERE user_id = $1 AND revoked_at IS NOT NULL',
      [userId],
    );
    return rows[0].n;
  };
  const advanceClock = (ms: number) => api.app.get(ClockService).advance(ms);

  it('signs in: the access token and the account in the body, the refresh token only in an HttpOnly, SameSite=Strict cookie on /auth/session; audited', async () => {
    const user = await createAccount(ds, { role: 'state_focal_point', stateCode: 'HTI' });
    const res = await start(api, user).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'accessTokenExpiresAt', 'account']);
    expect(res.body.account).toMatchObject({
      id: user.id,
      role: 'state_focal_point',
      stateCode: 'HTI',
      language: 'fr',
    });
    const expiresIn = Date.parse(res.body.accessTokenExpiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(50_000);
    expect(expiresIn).toBeLessThanOrEqual(60_000);
    expect(res.headers['cache-control']).toBe('no-store');

    const cookie = sessionCookie(res);
    expect(cookie.value.length).toBeGreaterThanOrEqual(40);
    expect(JSON.stringify(res.body)).not.toContain(cookie.value);
    expect(cookie.attributes).toEqual(
      expect.arrayContaining(['Max-Age=604800', 'Path=/auth/session', 'HttpOnly', 'SameSite=Strict']),
    );
    expect(cookie.attributes).not.toContain('Secure');
    await me(res.body.accessToken).expect(200);
    // The cookie is a refresh token of the API's own kind: nothing else about sessions changed.
    const audit = await ds.query(`SELECT action FROM audit_event WHERE entity_id = $1`, [user.id]);
    expect(audit).toEqual([{ action: 'session.started' }]);
  });

  it('marks the cookie Secure when the public base URL is https', async () => {
    const user = await createAccount(ds, { role: 'secretariat' });
    const res = await start(secure, user).expect(200);
    expect(sessionCookie(res).attributes).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Strict']));
  });

  it('refuses a wrong password as /auth/login does, and sets no cookie', async () => {
    const user = await createAccount(ds, { role: 'state_contributor', stateCode: 'ARG' });
    const res = await start(api, { ...user, password: 'not-the-password' }).expect(401);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('unauthenticated');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refreshes from the cookie: a new access token and a rotated cookie; the old cookie is no longer the current one', async () => {
    const user = await createAccount(ds, { role: 'secretariat' });
    const first = await start(api, user).expect(200);
    const old = sessionCookie(first).value;
    const res = await refresh(old).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['accessToken', 'accessTokenExpiresAt', 'account']);
    expect(res.body.account.id).toBe(user.id);
    const rotated = sessionCookie(res);
    expect(rotated.value).not.toBe(old);
    expect(rotated.attributes).toEqual(expect.arrayContaining(['Path=/auth/session', 'HttpOnly', 'SameSite=Strict']));
    await me(res.body.accessToken).expect(200);
    // The rotated cookie refreshes in turn.
    await refresh(rotated.value).expect(200);
  });

  it('answers ten parallel refreshes with one cookie all 200, with the same new pair, and keeps the session', async () => {
    const user = await createAccount(ds, { role: 'committee_expert', stateCode: 'MEX' });
    const cookie = sessionCookie(await start(api, user).expect(200)).value;
    const answers = await Promise.all(Array.from({ length: 10 }, () => refresh(cookie)));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(answers.map((r) => r.body.accessToken)).size).toBe(1);
    expect(new Set(answers.map((r) => sessionCookie(r).value)).size).toBe(1);
    expect(await revokedRows(user.id)).toBe(0);
    await me(answers[0].body.accessToken).expect(200);
    await refresh(sessionCookie(answers[0]).value).expect(200);
  });

  it('ends the whole session when a rotated cookie comes back after the grace: 401 with its rule, the cookie cleared, audited', async () => {
    const user = await createAccount(ds, { role: 'state_contributor', stateCode: 'BRA' });
    const cookie = sessionCookie(await start(api, user).expect(200)).value;
    const next = await refresh(cookie).expect(200);
    await advanceClock(11_000);
    const res = await refresh(cookie).expect(401);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ code: 'unauthenticated', rule: 'session_expired' });
    const cleared = sessionCookie(res);
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toEqual(expect.arrayContaining(['Path=/auth/session']));
    expect(cleared.attributes.some((a) => /^Expires=Thu, 01 Jan 1970/.test(a))).toBe(true);
    expect(await revokedRows(user.id)).toBeGreaterThanOrEqual(2);
    await refresh(sessionCookie(next).value).expect(401);
    await me(next.body.accessToken).expect(401);
    const audit = await ds.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [user.id]);
    expect(audit).toEqual([{ action: 'session.started' }, { action: 'session.revoked_on_reuse' }]);
  });

  it('answers 401 (its rule, the cookie cleared) without a cookie or with an unknown one, in the caller’s language', async () => {
    const none = await api.http().post('/auth/session/refresh').set(HEADER).set('accept-language', 'es').send({});
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ rule: 'session_cookie_missing' });
    expect(none.body.detail).toBe('No ha iniciado sesión en este navegador. Vuelva a iniciar sesión.');
    expect(sessionCookie(none).value).toBe('');
    const unknown = await refresh('x'.repeat(43)).expect(401);
    expect(unknown.body.rule).toBe('session_expired');
  });

  it('signs out with an expired access token: the session ends server-side, the cookie is cleared, audited; again without a cookie is 204 too', async () => {
    const user = await createAccount(ds, { role: 'state_focal_point', stateCode: 'CHL' });
    const first = await start(api, user).expect(200);
    const cookie = sessionCookie(first).value;
    await advanceClock(2 * 60_000);
    await me(first.body.accessToken).expect(401); // the access token has expired
    const res = await end(cookie).expect(204);
    expect(sessionCookie(res).value).toBe('');
    expect(await revokedRows(user.id)).toBeGreaterThanOrEqual(1);
    await refresh(cookie).expect(401);
    const audit = await ds.query(`SELECT action, actor_user_id FROM audit_event WHERE entity_id = $1 ORDER BY id`, [
      user.id,
    ]);
    expect(audit).toEqual([
      { action: 'session.started', actor_user_id: user.id },
      { action: 'session.ended', actor_user_id: user.id },
    ]);
    await end(cookie).expect(204);
    await end().expect(204);
    const after = await ds.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [user.id]);
    expect(after).toEqual([{ n: 2 }]);
  });

  it('refuses (403 problem+json with its rule) a session request without the header, with another value, or with a form or text body', async () => {
    const user = await createAccount(ds, { role: 'secretariat' });
    const cookie = sessionCookie(await start(api, user).expect(200)).value;
    const withCookie = (path: string) => api.http().post(path).set('cookie', `${COOKIE}=${cookie}`);
    const refusals: Array<[string, Promise<Response>, string]> = [];
    for (const path of ['/auth/session', '/auth/session/refresh', '/auth/session/end']) {
      refusals.push(
        [path, withCookie(path).send({}), 'session_header_required'],
        [path, withCookie(path).set('x-mesecvi-session', 'yes').send({}), 'session_header_required'],
        [path, withCookie(path).set(HEADER).type('form').send('email=a%40b.c&password=x'), 'session_json_required'],
        [path, withCookie(path).set(HEADER).set('content-type', 'text/plain').send('{}'), 'session_json_required'],
      );
    }
    // A cross-site HTML form: no custom header, a urlencoded body.
    refusals.push([
      '/auth/session/end',
      withCookie('/auth/session/end').type('form').send('a=1'),
      'session_header_required',
    ]);
    for (const [path, call, rule] of refusals) {
      const res = await call;
      expect({ path, status: res.status, rule: res.body.rule }).toEqual({ path, status: 403, rule });
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.code).toBe('forbidden');
    }
    // None of them touched the session.
    expect(await revokedRows(user.id)).toBe(0);
    await refresh(cookie).expect(200);
  });

  it('leaves /auth/login and /auth/refresh as they were: the refresh token in the body, no cookie, no grace', async () => {
    const user = await createAccount(ds, { role: 'secretariat' });
    const login = await api.http().post('/auth/login').send({ email: user.email, password: user.password }).expect(200);
    expect(login.headers['set-cookie']).toBeUndefined();
    const { refreshToken } = login.body as { refreshToken: string };
    await api.http().post('/auth/refresh').send({ refreshToken }).expect(200);
    await api.http().post('/auth/refresh').send({ refreshToken }).expect(401);
    expect(await revokedRows(user.id)).toBeGreaterThanOrEqual(2);
  });

  it('never lets another origin send the session header: a foreign origin gets no CORS headers, a configured one is not allowed the header', async () => {
    const allowed = 'https://app.mesecvi.example.org';
    const open = await startTestApi(testConfig(db.url, { CORS_ORIGINS: allowed }));
    try {
      for (const [origin, configured] of [
        ['https://evil.example.com', false],
        [allowed, true],
      ] as const) {
        const pre = await open
          .http()
          .options('/auth/session/refresh')
          .set('origin', origin)
          .set('access-control-request-method', 'POST')
          .set('access-control-request-headers', 'content-type, x-mesecvi-session');
        expect(pre.status).toBeLessThan(500);
        expect(pre.headers['access-control-allow-origin']).toBe(configured ? origin : undefined);
        expect(pre.headers['access-control-allow-headers'] ?? '').not.toMatch(/x-mesecvi-session/i);
        expect(pre.headers['access-control-allow-credentials']).toBeUndefined();
      }
    } finally {
      await open.close();
    }
  });

  describe('client error reports', () => {
    const report = { message: 'TypeError: x is undefined', url: 'http://localhost:3000/app', requestId: 'req-1' };

    it('logs a report at warn with the request id, and the account when a valid Bearer token comes with it; 429 beyond the limit', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn');
      try {
        const user = await createAccount(ds, { role: 'state_contributor', stateCode: 'PER' });
        const session = await start(api, user).expect(200);
        const send = (body: object, bearer?: string) => {
          const call = api.http().post('/client-errors');
          return (bearer ? call.set('authorization', `Bearer ${bearer}`) : call).send(body);
        };
        const anonymous = await send({ ...report, stack: 'at x (app.js:1:1)', userAgent: 'jest' }).expect(204);
        const signed = await send(report, session.body.accessToken).expect(204);
        const logged = warn.mock.calls
          .map(([line]) => line as Record<string, unknown>)
          .filter((line) => line.msg === 'client error');
        expect(logged).toEqual([
          expect.objectContaining({
            requestId: anonymous.headers['x-request-id'],
            accountId: null,
            reportedRequestId: 'req-1',
            message: report.message,
            stack: 'at x (app.js:1:1)',
          }),
          expect.objectContaining({ requestId: signed.headers['x-request-id'], accountId: user.id }),
        ]);
        // Bad input counts toward the limit too; the fourth report within the window is refused.
        await send({ message: 'x', url: 'y', extra: 1 }).expect(422);
        const limited = await send(report).expect(429);
        expect(limited.headers['content-type']).toMatch(PROBLEM);
        expect(limited.body).toMatchObject({ code: 'too_many_requests', rule: 'client_errors_rate_limit' });
        expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      } finally {
        warn.mockRestore();
      }
    });
  });
});
