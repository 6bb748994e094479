import { DataSource } from 'typeorm';
import {
  createAccount,
  createSuiteDatabase,
  login,
  startTestApi,
  testConfig,
  type SuiteDatabase,
  type TestApi,
} from '../harness';

describe('queue dashboard (bull-board), for the secretariat only', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url));
    ds = api.app.get(DataSource);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const cookieOf = (setCookie: string | string[] | undefined): string =>
    String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0];

  it('opens for the secretariat through a session cookie, and lists the platform’s queues', async () => {
    const secretariat = await createAccount(ds, { role: 'secretariat' });
    const session = await login(api, secretariat.email, secretariat.password);
    const started = await api
      .http()
      .post('/operations/queues-ui/session')
      .set('authorization', session.bearer)
      .expect(204);
    const cookie = cookieOf(started.headers['set-cookie']);
    expect(cookie).toMatch(/^mesecvi_ops=/);
    expect(String(started.headers['set-cookie'])).toMatch(/HttpOnly/i);
    const page = await api.http().get('/operations/queues-ui').set('cookie', cookie).expect(200);
    expect(page.text).toMatch(/bull/i);
    const queues = await api.http().get('/operations/queues-ui/api/queues').set('cookie', cookie).expect(200);
    const names = (queues.body.queues as Array<{ name: string }>).map((q) => q.name).sort();
    expect(names).toEqual(expect.arrayContaining(['mail', 'maintenance']));
  });

  it('refuses anyone else: 401 without a session, 403 for another role, even holding a cookie', async () => {
    await api.http().get('/operations/queues-ui/api/queues').expect(401);
    const contributor = await createAccount(ds, { role: 'state_contributor', stateCode: 'ARG' });
    const session = await login(api, contributor.email, contributor.password);
    await api.http().post('/operations/queues-ui/session').set('authorization', session.bearer).expect(403);
    const forged = await api
      .http()
      .get('/operations/queues-ui/api/queues')
      .set('cookie', `mesecvi_ops=${session.accessToken}`)
      .expect(403);
    expect(forged.body.code).toBe('forbidden');
    await api
      .http()
      .put('/operations/queues-ui/api/queues/mail/pause')
      .set('cookie', `mesecvi_ops=${session.accessToken}`)
      .expect(403);
  });
});
