import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  createSuiteDatabase,
  services,
  startTestApi,
  testConfig,
  waitFor,
  type RunningService,
  type SuiteDatabase,
  type TestApi,
} from '../harness';

// A fault test: this suite has a Redis of its own, so stopping it disturbs no other suite.
describe('/health and /ready', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let redis: RunningService;
  let redisDir: string;
  let redisPort: number;

  beforeAll(async () => {
    redisDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesecvi-redis-'));
    redisPort = await services.freePort();
    redis = await services.startRedis({ dir: redisDir, port: redisPort });
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url, { REDIS_URL: redis.url }));
  });
  afterAll(async () => {
    await api?.close();
    await redis?.stop();
    await db?.drop();
    fs.rmSync(redisDir, { recursive: true, force: true });
  });

  it('answers liveness without touching dependencies', async () => {
    await api.http().get('/health').expect(200, { status: 'ok' });
  });

  it('is ready when PostgreSQL and Redis answer', async () => {
    const res = await api.http().get('/ready').expect(200);
    expect(res.body.details).toEqual({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('turns 503 problem+json when Redis stops, and 200 again when it returns', async () => {
    await redis.stop();
    const down = await waitFor('/ready to report 503', async () => {
      const res = await api.http().get('/ready');
      return res.status === 503 ? res : undefined;
    });
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.body.code).toBe('service_unavailable');
    expect(down.body.checks.redis.status).toBe('down');
    expect(down.body.checks.database.status).toBe('up');
    await api.http().get('/health').expect(200);

    redis = await services.startRedis({ dir: redisDir, port: redisPort });
    await waitFor(
      '/ready to recover',
      async () => ((await api.http().get('/ready')).status === 200 ? true : undefined),
      20000,
      250,
    );
  });
});
