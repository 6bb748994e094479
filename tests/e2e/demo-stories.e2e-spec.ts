// The demo stories against the api served on a port, on a database seeded by the demo's own seed:
// `report` on a fresh demo walks every step to a published report, and running it again changes nothing.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { DemoApi, DemoNotRunning, HttpFailure, runStory, type StoryResult } from '../../scripts/demo-story/index';
import { createSuiteDatabase, services, testConfig, testEnv, type SuiteDatabase } from '../harness';

const root = path.join(__dirname, '..', '..');

describe('demo stories', () => {
  let db: SuiteDatabase;
  let app: NestFastifyApplication;
  let baseUrl: string;
  const api = () => new DemoApi(baseUrl);

  beforeAll(async () => {
    db = await createSuiteDatabase();
    // The accounts, appointments and deadlines exactly as `npm run demo` seeds them.
    const seeded = spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/seed-demo.ts'], {
      cwd: root,
      env: {
        ...process.env,
        APP_MODE: 'demo',
        DATABASE_URL: db.url,
        REDIS_URL: testEnv().redisUrl,
        SMTP_URL: testEnv().smtpUrl,
        JWT_SECRET: 'x'.repeat(40),
        QUEUE_PREFIX: 'storytest',
        LOG_LEVEL: 'error',
      },
      encoding: 'utf8',
    });
    if (seeded.status !== 0) throw new Error(`seed-demo failed: ${seeded.stderr}`);
    const port = await services.freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    ({ app } = await createApiApp(testConfig(db.url, { PUBLIC_BASE_URL: baseUrl })));
    await app.listen(port, '127.0.0.1');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const run = async (step: 'distribute' | 'report'): Promise<{ result: StoryResult; lines: string[] }> => {
    const lines: string[] = [];
    const result = await runStory(step, { baseUrl, log: (line) => lines.push(line) });
    return { result, lines };
  };

  it('`report` on a fresh demo publishes Argentina’s report; run again, it does nothing and says so', async () => {
    const first = await run('report');
    expect(first.lines).toEqual([
      'created round 4 "Fourth Multilateral Evaluation Round"',
      'attached questionnaire evaluation-round version 1 to round 4',
      'adopted the questionnaire of round 4 (its version is frozen)',
      expect.stringMatching(/^opened round 4 for responses, due \d{4}-\d{2}-\d{2}$/),
      'distributed round 4 to ARG, BRA, HTI (a mail to each focal point and contributor)',
      'uploaded 7 evidence files for Argentina (evidencia-1.pdf … evidencia-7.pdf)',
      expect.stringMatching(/^saved Argentina's complete answers \(draft version \d+, 0 problem\(s\) left\)$/),
      expect.stringMatching(
        /^submitted Argentina's answers: version 1, sha256 [0-9a-f]{12}…, on time; evaluation submitted$/,
      ),
      expect.stringMatching(
        /^set Argentina's review due on \d{4}-\d{2}-\d{2} \(each rapporteur is reminded 7 days before\)$/,
      ),
      // Never Argentina's own expert: Brazil's and Haiti's (names as seeded).
      'assigned rapporteurs to Argentina: Ana Carolina Lima, Nadège Pierre; evaluation under_review',
      'Ana Carolina Lima marked the review of Argentina complete (evaluation under_review)',
      'Nadège Pierre marked the review of Argentina complete (evaluation analysed)',
      "started Argentina's country report (as expert.bra@mesecvi.demo)",
      'drafted the report: sections budget, legislation; recommendation 4-ARG-1',
      'sent the preliminary report to Argentina (a Spanish mail to focal.arg; observations due in 30 days)',
      "Argentina's focal point sent observations (2 entries)",
      "recorded the committee's adoption on 2027-11-20: MESECVI/CEVI/doc.1/27",
      "published Argentina's country report MESECVI/CEVI/doc.1/27",
    ]);
    expect(first.result.report).toMatchObject({ status: 'published', symbol: 'MESECVI/CEVI/doc.1/27' });

    const second = await run('report');
    expect(second.lines).toEqual([
      'round 4 "Fourth Multilateral Evaluation Round" already exists (phase open_for_responses)',
      'round 4 already distributed to ARG, BRA, HTI',
      expect.stringMatching(/^Argentina's answers already submitted \(version 1, .*; evaluation published\)$/),
      "Argentina's evaluation already has rapporteurs: Ana Carolina Lima, Nadège Pierre (evaluation published)",
      'the review of Argentina is already complete (evaluation published)',
      "Argentina's country report already exists (published, MESECVI/CEVI/doc.1/27)",
      "Argentina's country report is already published",
    ]);
    expect(second.result.distributed.round.id).toBe(first.result.distributed.round.id);
    expect(second.result.distributed.evaluations).toEqual(first.result.distributed.evaluations);
    expect(second.result.submitted).toEqual(first.result.submitted);
    expect(second.result.report?.id).toBe(first.result.report?.id);

    // Read back as a client would: one round 4, one submission, seven files, one published report.
    const admin = await api().login('secretariat@mesecvi.demo', 'demo-secretariat-2026');
    const rounds = (await api().get<Array<{ number: number }>>('/rounds', admin)).body;
    expect(rounds.filter((r) => r.number === 4)).toHaveLength(1);
    const evaluationId = first.result.distributed.evaluations.ARG;
    expect((await api().get<unknown[]>(`/evaluations/${evaluationId}/submissions`, admin)).body).toHaveLength(1);
    expect((await api().get<unknown[]>(`/evaluations/${evaluationId}/attachments`, admin)).body).toHaveLength(7);
    const published = (await fetch(`${baseUrl}/public/reports`).then((r) => r.json())) as Array<{ id: string }>;
    expect(published.map((r) => r.id)).toEqual([first.result.report?.id]);
  }, 120_000);

  it('says when the demo is not answering, and names method, path, status and code of a refused request', async () => {
    await expect(new DemoApi('http://127.0.0.1:9').get('/rounds', { email: 'x', bearer: 'x' })).rejects.toThrow(
      DemoNotRunning,
    );
    const refused = await api()
      .login('secretariat@mesecvi.demo', 'not-the-password')
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HttpFailure);
    expect(refused).toMatchObject({ method: 'POST', path: '/auth/login', status: 401 });
    expect((refused as HttpFailure).problem.code).toEqual(expect.any(String));
  });
});
