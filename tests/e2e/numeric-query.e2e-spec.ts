import { DataSource } from 'typeorm';
import {
  createSuiteDatabase,
  signedIn,
  startTestApi,
  testConfig,
  type Session,
  type SuiteDatabase,
  type TestApi,
} from '../harness';

/** Each list route and one numeric parameter it takes, with a value it accepts. */
const ROUTES: Array<{ path: string; parameter: string; normal: string }> = [
  { path: '/recommendations', parameter: 'round', normal: '4' },
  { path: '/recommendations.csv', parameter: 'round', normal: '4' },
  { path: '/deadlines', parameter: 'limit', normal: '10' },
  { path: '/outbox', parameter: 'limit', normal: '10' },
  { path: '/states-parties/ARG/notifications', parameter: 'limit', normal: '10' },
];
const NOT_FINITE = ['Infinity', '1e309', 'NaN'];

describe('numeric query parameters are finite numbers', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let secretariat: Session;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url));
    secretariat = await signedIn(api, api.app.get(DataSource), { role: 'secretariat' });
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const get = (path: string, query: Record<string, string>) =>
    api.http().get(path).query(query).set('authorization', secretariat.bearer);

  describe.each(ROUTES)('GET $path', ({ path, parameter, normal }) => {
    it.each(NOT_FINITE)(`refuses ${parameter}=%s with 422 problem+json naming it`, async (value) => {
      const res = await get(path, { [parameter]: value });
      expect({ status: res.status, type: res.headers['content-type'] }).toEqual({
        status: 422,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ pointer: `/${parameter}` })]));
    });

    it(`answers 200 for ${parameter}=${normal}`, async () => {
      expect((await get(path, { [parameter]: normal })).status).toBe(200);
    });
  });
});
