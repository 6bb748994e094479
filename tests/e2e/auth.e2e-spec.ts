import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccountChangeListener } from '@mesecvi/accounts';
import {
  createAccount,
  createSuiteDatabase,
  login,
  startTestApi,
  testConfig,
  waitFor,
  type SuiteDatabase,
  type TestApi,
} from '../harness';

const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('sign-in, tokens and sessions', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let second: TestApi;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    const config = testConfig(db.url, {
      LOGIN_MAX_ATTEMPTS: '3',
      LOGIN_WINDOW_SECONDS: '60',
      ACCESS_TOKEN_TTL_SECONDS: '60',
    });
    api = await startTestApi(config);
    // A second api instance on the same database and Redis: throttling must be shared.
    second = await startTestApi(config);
    ds = api.app.get(DataSource);
  });
  afterAll(async () => {
    await second?.close();
    await api?.close();
    await db?.drop();
  });

  it('signs in, answers /me, and audits the new session', async () => {
    const user = await createAccount(ds, { role: 'state_focal_point', stateCode: 'HTI' });
    const res = await api
      .http()
      .post('/auth/login')
      .send({ email: user.email.toUpperCase(), password: user.password })
      .expect(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 60 });
    const me = await api.http().get('/me').set('authorization', `Bearer ${res.body.accessToken}`).expect(200);
    expect(me.body).toMatchObject({
      id: user.id,
      role: 'state_focal_point',
      stateCode: 'HTI',
      language: 'fr',
      status: 'active',
    });
    const audit = await ds.query(`SELECT action, actor_user_id FROM audit_event WHERE entity_id = $1`, [user.id]);
    expect(audit).toEqual([{ action: 'session.started', actor_user_id: user.id }]);
  });

  it('refuses a wrong password, an unknown e-mail and a disabled account alike', async () => {
    const user = await createAccount(ds, { role: 'state_contributor', stateCode: 'ARG' });
    const disabled = await createAccount(ds, { role: 'state_contributor', stateCode: 'ARG', status: 'disabled' });
    const answers = await Promise.all([
      api.http().post('/auth/login').send({ email: user.email, password: 'wrong-password-123' }),
      api.http().post('/auth/login').send({ email: 'nobody@example.test', password: 'whatever-password' }),
      api.http().post('/auth/login').send({ email: disabled.email, password: disabled.password }),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({
        code: 'unauthenticated',
        detail: 'The e-mail address or the password is incorrect.',
      });
    }
  });

  it('rotates refresh tokens, and a reused refresh token revokes the whole session', async () => {
    const user = await createAccount(ds, { role: 'secretariat' });
    const first = await login(api, user.email, user.password);
    const rotated = await api.http().post('/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);
    expect(rotated.body.refreshToken).not.toBe(first.refreshToken);
    await api.http().get('/me').set('authorization', `Bearer ${rotated.body.accessToken}`).expect(200);

    // The first token is presented again: someone copied it. The family is revoked.
    await api.http().post('/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    await api.http().post('/auth/refresh').send({ refreshToken: rotated.body.refreshToken }).expect(401);
    await api.http().get('/me').set('authorization', `Bearer ${rotated.body.accessToken}`).expect(401);
    // Other sessions of the same person are untouched.
    const other = await login(api, user.email, user.password);
    await api.http().get('/me').set('authorization', other.bearer).expect(200);
  });

  it('logout ends the session: its access and refresh tokens stop working', async () => {
    const user = await createAccount(ds, { role: 'committee_expert', stateCode: 'MEX' });
    const session = await login(api, user.email, user.password);
    await api.http().post('/auth/logout').set('authorization', session.bearer).expect(204);
    await api.http().get('/me').set('authorization', session.bearer).expect(401);
    await api.http().post('/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
  });

  it('stops the tokens of a user who is disabled', async () => {
    const secretariat = await createAccount(ds, { role: 'secretariat' });
    const user = await createAccount(ds, { role: 'state_contributor', stateCode: 'BRA' });
    const admin = await login(api, secretariat.email, secretariat.password);
    const session = await login(api, user.email, user.password);
    await api.http().get('/me').set('authorization', session.bearer).expect(200);
    const res = await api.http().post(`/accounts/${user.id}/disable`).set('authorization', admin.bearer).expect(200);
    expect(res.body.status).toBe('disabled');
    await api.http().get('/me').set('authorization', session.bearer).expect(401);
    await api.http().post('/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
  });

  it('refuses forged, expired and alg:none tokens', async () => {
    const user = await createAccount(ds, { role: 'secretariat' });
    const session = await login(api, user.email, user.password);
    const [header, payload] = session.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as {
      sub: string;
      sid: string;
      iat: number;
      exp: number;
    };
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    const wrongKey = `${header}.${payload}.${createHmac('sha256', 'another-secret-another-secret-xx').update(`${header}.${payload}`).digest('base64url')}`;
    const expiredPayload = b64({ ...claims, iat: claims.iat - 3600, exp: claims.iat - 1800 });
    const expired = `${header}.${expiredPayload}.${createHmac('sha256', 'test-secret-that-is-long-enough-0123456789').update(`${header}.${expiredPayload}`).digest('base64url')}`;
    for (const token of [none, wrongKey, expired, 'garbage']) {
      await api.http().get('/me').set('authorization', `Bearer ${token}`).expect(401);
    }
    // The same signing path with a valid expiry is accepted: the refusals above are about the token, not the recipe.
    const validPayload = b64({ ...claims });
    const valid = `${header}.${validPayload}.${createHmac('sha256', 'test-secret-that-is-long-enough-0123456789').update(`${header}.${validPayload}`).digest('base64url')}`;
    await api.http().get('/me').set('authorization', `Bearer ${valid}`).expect(200);
  });

  it('throttles failed sign-ins across api instances (429 with Retry-After), refusing even the right password while blocked; other accounts are unaffected', async () => {
    const user = await createAccount(ds, { role: 'state_contributor', stateCode: 'CHL' });
    const bad = { email: user.email, password: 'not-the-password' };
    await api.http().post('/auth/login').send(bad).expect(401);
    await second.http().post('/auth/login').send(bad).expect(401);
    await api.http().post('/auth/login').send(bad).expect(401);
    const blocked = await second
      .http()
      .post('/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(429);
    expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body.code).toBe('too_many_requests');
    // Another account is not affected.
    const other = await createAccount(ds, { role: 'state_contributor', stateCode: 'CHL' });
    await api.http().post('/auth/login').send({ email: other.email, password: other.password }).expect(200);
  });

  describe('signed-in callers kept in memory (CallerCache)', () => {
    const listenerOf = (instance: TestApi): AccountChangeListener => instance.app.get(AccountChangeListener);
    const sessionIdOf = (accessToken: string): string =>
      (JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as { sid: string }).sid;
    /** Signs in on `instance` and makes one request there, so the caller is held in its memory. */
    const cachedOn = async (instance: TestApi, user: { id: string; email: string; password: string }) => {
      const session = await login(instance, user.email, user.password);
      await instance.http().get('/me').set('authorization', session.bearer).expect(200);
      await waitFor('the account change listener', async () => (listenerOf(instance).listening ? true : undefined));
      await instance.http().get('/me').set('authorization', session.bearer).expect(200);
      expect(listenerOf(instance).cache.get(user.id, sessionIdOf(session.accessToken))).toBeDefined();
      return session;
    };

    it('a change made through another instance reaches this one within moments, not at the time-to-live', async () => {
      const secretariat = await createAccount(ds, { role: 'secretariat' });
      const user = await createAccount(ds, { role: 'state_contributor', stateCode: 'PER' });
      const session = await cachedOn(second, user);
      const admin = await login(api, secretariat.email, secretariat.password);
      await api.http().post(`/accounts/${user.id}/disable`).set('authorization', admin.bearer).expect(200);
      const started = Date.now();
      await waitFor(
        'the disabled user refused on the other instance',
        async () =>
          (await second.http().get('/me').set('authorization', session.bearer)).status === 401 ? true : undefined,
        2000,
        20,
      );
      expect(Date.now() - started).toBeLessThan(2000); // the time-to-live is 30 s
    });

    it('a change made straight in PostgreSQL (not through the api) is heard too: role, then status', async () => {
      const user = await createAccount(ds, { role: 'state_focal_point', stateCode: 'URY' });
      const session = await cachedOn(api, user);
      await ds.query(`UPDATE user_account SET role = 'state_contributor' WHERE id = $1`, [user.id]);
      await waitFor(
        'the new role',
        async () =>
          (await api.http().get('/me').set('authorization', session.bearer)).body.role === 'state_contributor'
            ? true
            : undefined,
        2000,
        20,
      );
      await ds.query(`UPDATE user_account SET status = 'disabled' WHERE id = $1`, [user.id]);
      await waitFor(
        'the disabled user refused',
        async () =>
          (await api.http().get('/me').set('authorization', session.bearer)).status === 401 ? true : undefined,
        2000,
        20,
      );
    });

    it('while announcements cannot be heard nothing is served from memory, and caching resumes once they are back', async () => {
      const user = await createAccount(ds, { role: 'state_contributor', stateCode: 'PRY' });
      const session = await cachedOn(api, user);
      const listener = listenerOf(api);
      // The listening connection dies; a change made while it is down is never announced to it.
      await ds.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'mesecvi-account-changes'`,
      );
      await waitFor('the listener to notice', async () => (listener.listening ? undefined : true), 5000, 5);
      await ds.query(`UPDATE user_account SET status = 'disabled' WHERE id = $1`, [user.id]);
      await api.http().get('/me').set('authorization', session.bearer).expect(401);
      // It reconnects (empty) and keeps callers again; announcements work again.
      await waitFor('the listener back', async () => (listener.listening ? true : undefined), 15000, 50);
      const other = await createAccount(ds, { role: 'state_contributor', stateCode: 'PRY' });
      const otherSession = await cachedOn(api, other);
      await ds.query(`UPDATE refresh_token SET revoked_at = now() WHERE user_id = $1`, [other.id]);
      await waitFor(
        'the revoked session refused',
        async () =>
          (await api.http().get('/me').set('authorization', otherSession.bearer)).status === 401 ? true : undefined,
        2000,
        20,
      );
    });

    it('the same instance refuses at once after its own sign-out and disabling (no wait for the announcement)', async () => {
      const secretariat = await createAccount(ds, { role: 'secretariat' });
      const admin = await login(api, secretariat.email, secretariat.password);
      for (let i = 0; i < 5; i++) {
        const user = await createAccount(ds, { role: 'state_contributor', stateCode: 'ECU' });
        const session = await cachedOn(api, user);
        await api.http().post(`/accounts/${user.id}/disable`).set('authorization', admin.bearer).expect(200);
        await api.http().get('/me').set('authorization', session.bearer).expect(401);
        const again = await createAccount(ds, { role: 'state_contributor', stateCode: 'ECU' });
        const gone = await cachedOn(api, again);
        await api.http().post('/auth/logout').set('authorization', gone.bearer).expect(204);
        await api.http().get('/me').set('authorization', gone.bearer).expect(401);
      }
    });
  });
});
