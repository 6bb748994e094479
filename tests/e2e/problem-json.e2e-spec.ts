import { createSuiteDatabase, startTestApi, testConfig, type SuiteDatabase, type TestApi } from '../harness';
import { ProbeModule } from '../harness/probe.module';

const PROBLEM = /^application\/problem\+json/;

describe('every error is RFC 9457 problem+json', () => {
  let db: SuiteDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url, { BODY_LIMIT_BYTES: '2048' }), [ProbeModule]);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('answers an unknown route with 404 route_not_found', async () => {
    const res = await api.http().get('/no/such/route').expect(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({
      type: 'urn:mesecvi:problem:route_not_found',
      code: 'route_not_found',
      status: 404,
      title: 'No such route',
      instance: '/no/such/route',
    });
  });

  it('answers malformed JSON with 400 malformed_json and does not reach the handler', async () => {
    const res = await api
      .http()
      .post('/__probe/echo')
      .set('content-type', 'application/json')
      .send('{"name": "x",')
      .expect(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ code: 'malformed_json', status: 400 });
  });

  it('answers an empty JSON body with 400 malformed_json', async () => {
    const res = await api.http().post('/__probe/echo').set('content-type', 'application/json').send('').expect(400);
    expect(res.body.code).toBe('malformed_json');
  });

  it('answers a wrong content type with 415', async () => {
    const res = await api
      .http()
      .post('/__probe/echo')
      .set('content-type', 'application/xml')
      .send('<name>x</name>')
      .expect(415);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ code: 'unsupported_media_type', status: 415 });
  });

  it('answers a body over the configured limit with 413', async () => {
    const res = await api
      .http()
      .post('/__probe/echo')
      .send({ name: 'x'.repeat(5000) })
      .expect(413);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ code: 'payload_too_large', status: 413 });
  });

  it('answers a body that breaks the schema with 422 naming each field by JSON Pointer', async () => {
    const res = await api.http().post('/__probe/echo').send({ count: -1, colour: 'red' }).expect(422);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('validation_failed');
    const pointers = (res.body.errors as Array<{ pointer: string; message: string }>).map((e) => e.pointer).sort();
    expect(pointers).toEqual(['/colour', '/count', '/name']);
    for (const e of res.body.errors as Array<{ message: string }>) expect(e.message.length).toBeGreaterThan(3);
  });

  it('accepts a valid body', async () => {
    await api.http().post('/__probe/echo').send({ name: 'Haïti', count: 2 }).expect(201, { name: 'Haïti', count: 2 });
  });

  it('maps a domain error to its status and code', async () => {
    const res = await api.http().get('/__probe/conflict').expect(409);
    expect(res.body).toMatchObject({ code: 'conflict', detail: 'The evaluation is already submitted.' });
  });

  it('answers an unexpected error with 500, an error id and no internals', async () => {
    const res = await api.http().get('/__probe/boom').expect(500);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toMatchObject({ code: 'internal_error', status: 500 });
    expect(res.body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    const raw = JSON.stringify(res.body);
    expect(raw).not.toMatch(/secret internal detail|db\.ts|at \w+ \(|stack/);
  });

  it('echoes a plain caller request id and replaces a forged one', async () => {
    const ok = await api.http().get('/health').set('x-request-id', 'abc-123').expect(200);
    expect(ok.headers['x-request-id']).toBe('abc-123');
    const forged = await api.http().get('/health').set('x-request-id', 'evil id {"level":"fatal"}').expect(200);
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const problem = await api.http().get('/nope').set('x-request-id', 'req-42').expect(404);
    expect(problem.body.requestId).toBe('req-42');
  });

  it('refuses a route that declares no access rule (deny by default)', async () => {
    const res = await api.http().get('/__probe/undeclared').expect(403);
    expect(res.body.code).toBe('forbidden');
  });

  it('answers an anonymous call to a protected route with 401 and a Bearer challenge', async () => {
    const res = await api.http().get('/__probe/protected').expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.body.code).toBe('unauthenticated');
  });

  it('sets the helmet security headers', async () => {
    const res = await api.http().get('/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
