import { createSuiteDatabase, startTestApi, testConfig, type SuiteDatabase, type TestApi } from '../harness';
import { listNestRoutes } from '../harness/nest-routes';
import { concretePath, ROUTE_MATRIX } from '../route-matrix/route-matrix';

describe('route matrix', () => {
  let db: SuiteDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url));
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const served = (): string[] => [...new Set(api.routes.map((r) => `${r.method} ${r.url}`))].sort();

  it('has an entry for every served route, and no entry for a route that is not served', () => {
    expect(served().length).toBeGreaterThan(5);
    expect(served().filter((key) => !(key in ROUTE_MATRIX))).toEqual([]);
    expect(Object.keys(ROUTE_MATRIX).filter((key) => !served().includes(key))).toEqual([]);
  });

  it('finds every controller route declaring an access rule that matches its matrix entry', () => {
    const nest = listNestRoutes(api.app);
    expect(nest.length).toBeGreaterThan(0);
    for (const route of nest) {
      const key = `${route.method} ${route.url}`;
      expect({ key, rule: route.rule?.kind }).toEqual({ key, rule: ROUTE_MATRIX[key]?.access });
    }
  });

  it('gives an anonymous caller what the matrix says (401 problem+json on every non-public route)', async () => {
    for (const key of served()) {
      const [method, url] = key.split(' ');
      const expected = ROUTE_MATRIX[key];
      const res = await api.http()[method.toLowerCase() as 'get'](concretePath(url));
      expect({ key, status: res.status }).toEqual({ key, status: expected.anonymous });
      if (expected.access !== 'public') {
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.code).toBe('unauthenticated');
      }
    }
  });
});
