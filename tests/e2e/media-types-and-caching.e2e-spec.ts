// Which body types each route takes (forms only on the HTML account pages), and responses that
// carry tokens or a signed-in person's data are never stored by a cache.
import { DataSource } from 'typeorm';
import {
  createAccount,
  createSuiteDatabase,
  signedIn,
  startTestApi,
  testConfig,
  type SuiteDatabase,
  type TestApi,
} from '../harness';

const PROBLEM = /^application\/problem\+json/;
const FORM = 'application/x-www-form-urlencoded';

describe('body media types and caching', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url, { LOGIN_MAX_ATTEMPTS: '1000' }));
    ds = api.app.get(DataSource);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const conflictsOf = async (userId: string): Promise<number> => {
    const rows: Array<{ n: number }> = await ds.query(
      'SELECT count(*)::int AS n FROM conflict_declaration WHERE expert_user_id = $1',
      [userId],
    );
    return rows[0].n;
  };

  it('an expert’s form post does not declare a conflict: 415 problem+json naming the rule, nothing stored; the same as JSON works', async () => {
    const expert = await signedIn(api, ds, { role: 'committee_expert', stateCode: 'MEX' });
    for (const type of [FORM, 'Application/X-WWW-Form-Urlencoded; charset=UTF-8']) {
      const res = await api
        .http()
        .post('/committee/conflicts')
        .set('authorization', expert.bearer)
        .set('content-type', type)
        .send('stateCode=BRA&reason=Advised+its+ministry');
      expect(res.status).toBe(415);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ code: 'unsupported_media_type', rule: 'media_type' });
    }
    expect(await conflictsOf(expert.id)).toBe(0);
    await api
      .http()
      .post('/committee/conflicts')
      .set('authorization', expert.bearer)
      .send({ stateCode: 'BRA', reason: 'Advised its ministry' })
      .expect(201);
    expect(await conflictsOf(expert.id)).toBe(1);
  });

  it('/auth/login takes no form (nor text/plain): 415 problem+json, no session started', async () => {
    const user = await createAccount(ds, { role: 'state_focal_point', stateCode: 'ARG' });
    const form = await api.http().post('/auth/login').type('form').send({ email: user.email, password: user.password });
    expect(form.status).toBe(415);
    expect(form.headers['content-type']).toMatch(PROBLEM);
    expect(form.body.rule).toBe('media_type');
    const text = await api
      .http()
      .post('/auth/login')
      .set('content-type', 'text/plain')
      .send(JSON.stringify({ email: user.email, password: user.password }));
    expect(text.status).toBe(415);
    expect(text.body).toMatchObject({ code: 'unsupported_media_type', rule: 'media_type' });
    const sessions: Array<{ n: number }> = await ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'session.started' AND entity_id = $1`,
      [user.id],
    );
    expect(sessions[0].n).toBe(0);
  });

  it('text/plain on an authenticated write is 415 (not 422) and changes nothing', async () => {
    const user = await signedIn(api, ds, { role: 'state_contributor', stateCode: 'ARG', language: 'es' });
    const res = await api
      .http()
      .patch('/me')
      .set('authorization', user.bearer)
      .set('content-type', 'text/plain; charset=utf-8')
      .send('{"preferredLanguage":"fr"}');
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.rule).toBe('media_type');
    expect((await api.http().get('/me').set('authorization', user.bearer).expect(200)).body.language).toBe('es');
  });

  it('a form posted to a route that does not exist is still a 404', async () => {
    const res = await api.http().post('/no-such-route').type('form').send({ a: '1' });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
  });

  it('the account pages still take their HTML form', async () => {
    const res = await api
      .http()
      .post('/account/password-reset/not-a-real-token-0123456789abcdef')
      .type('form')
      .send({ password: 'x', confirmation: 'x', _csrf: 'y' });
    expect(res.status).toBe(410);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
  });

  it('token responses and a signed-in person’s JSON carry Cache-Control: no-store', async () => {
    const user = await createAccount(ds, { role: 'state_focal_point', stateCode: 'CHL' });
    const signIn = await api
      .http()
      .post('/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(200);
    expect(signIn.headers['cache-control']).toBe('no-store');
    const refreshed = await api
      .http()
      .post('/auth/refresh')
      .send({ refreshToken: signIn.body.refreshToken })
      .expect(200);
    expect(refreshed.headers['cache-control']).toBe('no-store');
    const bearer = `Bearer ${refreshed.body.accessToken}`;
    const me = await api.http().get('/me').set('authorization', bearer).expect(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const states = await api.http().get('/states-parties').set('authorization', bearer).expect(200);
    expect(states.headers['cache-control']).toBe('no-store');
    const changed = await api.http().patch('/me').set('authorization', bearer).send({ preferredLanguage: 'es' });
    expect(changed.status).toBe(200);
    expect(changed.headers['cache-control']).toBe('no-store');
    // A failed sign-in answers no token and may say so; public health checks stay cacheable by default.
    const health = await api.http().get('/health').expect(200);
    expect(health.headers['cache-control']).toBeUndefined();
  });
});
