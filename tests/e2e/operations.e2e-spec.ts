import { createSuiteDatabase, startTestApi, testConfig, type SuiteDatabase, type TestApi } from '../harness';
import { listNestRoutes } from '../harness/nest-routes';

describe('operations: OpenAPI, metrics', () => {
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

  it('documents every controller route in the OpenAPI document, each with a summary', async () => {
    const doc = (await api.http().get('/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { summary?: string }>>;
    };
    for (const route of listNestRoutes(api.app)) {
      const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
      const op = doc.paths[path]?.[route.method.toLowerCase()];
      expect({ route: `${route.method} ${path}`, documented: Boolean(op?.summary) }).toEqual({
        route: `${route.method} ${path}`,
        documented: true,
      });
    }
  });

  it('serves the OpenAPI UI', async () => {
    const res = await api.http().get('/docs').redirects(1).expect(200);
    expect(res.text).toContain('swagger-ui');
  });

  it('exposes request counts, latency and queue depths to Prometheus', async () => {
    await api.http().get('/health').expect(200);
    const res = await api.http().get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/http_requests_total\{method="GET",route="\/health",status="200",app="api"\} [1-9]/);
    expect(res.text).toContain('http_request_duration_seconds_bucket');
    expect(res.text).toMatch(/queue_jobs\{queue="maintenance",state="waiting",app="api"\} 0/);
  });
});
