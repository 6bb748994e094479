// Security: the configured CORS policy, the per-user write rate limit (shared by api
// instances through Redis) and the body limit on a real write route.
import { DataSource } from 'typeorm';
import { createSuiteDatabase, signedIn, startTestApi, testConfig, type SuiteDatabase, type TestApi } from '../harness';

const PROBLEM = /^application\/problem\+json/;
const ALLOWED = 'https://app.mesecvi.example.org';
const FOREIGN = 'https://evil.example.com';

describe('CORS', () => {
  let db: SuiteDatabase;
  let closed: TestApi;
  let open: TestApi;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    closed = await startTestApi(testConfig(db.url));
    open = await startTestApi(testConfig(db.url, { CORS_ORIGINS: `${ALLOWED}, https://other.example.org` }));
  });
  afterAll(async () => {
    await closed?.close();
    await open?.close();
    await db?.drop();
  });

  const preflight = (api: TestApi, origin: string) =>
    api
      .http()
      .options('/me')
      .set('origin', origin)
      .set('access-control-request-method', 'PATCH')
      .set('access-control-request-headers', 'authorization, content-type, if-match');

  it('by default (CORS_ORIGINS empty) gives no origin any Access-Control-Allow-Origin, on requests and preflights', async () => {
    for (const origin of [FOREIGN, ALLOWED]) {
      const res = await closed.http().get('/health').set('origin', origin).expect(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const pre = await preflight(closed, origin);
      expect(pre.status).toBeLessThan(500);
      expect(pre.headers['access-control-allow-origin']).toBeUndefined();
      expect(pre.headers['access-control-allow-methods']).toBeUndefined();
    }
  });

  it('gives a configured origin the headers (and answers its preflight); a foreign origin still gets none', async () => {
    const res = await open.http().get('/health').set('origin', ALLOWED).expect(200);
    expect(res.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(res.headers.vary).toMatch(/origin/i);
    expect(res.headers['access-control-expose-headers']).toMatch(/etag/i);
    expect(res.headers['access-control-expose-headers']).toMatch(/retry-after/i);

    const pre = await preflight(open, ALLOWED);
    expect(pre.status).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(pre.headers['access-control-allow-methods']).toMatch(/PATCH/);
    expect(pre.headers['access-control-allow-headers']).toMatch(/if-match/i);
    expect(pre.headers['access-control-allow-headers']).toMatch(/authorization/i);

    const foreign = await open.http().get('/health').set('origin', FOREIGN).expect(200);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const foreignPre = await preflight(open, FOREIGN);
    expect(foreignPre.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('write rate limit (per user, shared through Redis)', () => {
  let db: SuiteDatabase;
  const apis: TestApi[] = [];
  let ds: DataSource;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    // Two instances with one configuration: the same Redis and key prefix, so one shared budget.
    const config = testConfig(db.url, {
      WRITE_RATE_LIMIT_POINTS: '5',
      WRITE_RATE_LIMIT_WINDOW_SECONDS: '60',
      LOGIN_MAX_ATTEMPTS: '1000',
    });
    apis.push(await startTestApi(config), await startTestApi(config));
    ds = apis[0].app.get(DataSource);
  });
  afterAll(async () => {
    for (const api of apis) await api.close();
    await db?.drop();
  });

  it('allows WRITE_RATE_LIMIT_POINTS writes per window across both instances, then answers 429 problem+json with Retry-After and changes nothing', async () => {
    const user = await signedIn(apis[0], ds, { role: 'state_contributor', stateCode: 'ARG' });
    const languages = ['es', 'fr', 'pt', 'en'] as const;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      // Alternating instances; one of the five is bad input: refused input counts as well.
      const body = i === 2 ? { preferredLanguage: 'xx' } : { preferredLanguage: languages[i % 4] };
      statuses.push((await apis[i % 2].http().patch('/me').set('authorization', user.bearer).send(body)).status);
    }
    expect(statuses).toEqual([200, 200, 422, 200, 200]);
    const before: Array<{ preferred_language: string; audits: number }> = await ds.query(
      `SELECT preferred_language, (SELECT count(*)::int FROM audit_event WHERE actor_user_id = $1) AS audits FROM user_account WHERE id = $1`,
      [user.id],
    );

    for (const api of apis) {
      const res = await api.http().patch('/me').set('authorization', user.bearer).send({ preferredLanguage: 'fr' });
      expect(res.status).toBe(429);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ code: 'too_many_requests', status: 429, rule: 'write_rate_limit' });
      const retryAfter = Number(res.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    const after: typeof before = await ds.query(
      `SELECT preferred_language, (SELECT count(*)::int FROM audit_event WHERE actor_user_id = $1) AS audits FROM user_account WHERE id = $1`,
      [user.id],
    );
    expect(after).toEqual(before);

    // Reads are not limited, and another user has a budget of their own.
    await apis[1].http().get('/me').set('authorization', user.bearer).expect(200);
    const other = await signedIn(apis[1], ds, { role: 'state_contributor', stateCode: 'ARG' });
    await apis[0].http().patch('/me').set('authorization', other.bearer).send({ preferredLanguage: 'es' }).expect(200);
  });
});

describe('body limit on a write route', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url, { BODY_LIMIT_BYTES: '4096' }));
    ds = api.app.get(DataSource);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('answers a body over BODY_LIMIT_BYTES with 413 problem+json before the route runs', async () => {
    const user = await signedIn(api, ds, { role: 'state_contributor', stateCode: 'ARG' });
    const res = await api
      .http()
      .patch('/me')
      .set('authorization', user.bearer)
      .send({ name: 'x'.repeat(5000) });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('payload_too_large');
    const rows: Array<{ name: string }> = await ds.query('SELECT name FROM user_account WHERE id = $1', [user.id]);
    expect(rows[0].name).not.toMatch(/^x+$/);
  });
});
