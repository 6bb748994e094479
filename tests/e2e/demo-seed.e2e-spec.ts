// The demo seed: accounts, contacts and an ad-hoc deadline with planned reminders for each demo
// state (ARG es, BRA pt, HTI fr); running it again changes nothing.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { createSuiteDatabase, testEnv, type SuiteDatabase } from '../harness';

const root = path.join(__dirname, '..', '..');

describe('demo seed', () => {
  let db: SuiteDatabase;

  beforeAll(async () => {
    db = await createSuiteDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('seeds an ad-hoc deadline with its reminder ladder for each demo state, once', async () => {
    const env = {
      ...process.env,
      APP_MODE: 'demo',
      DATABASE_URL: db.url,
      REDIS_URL: testEnv().redisUrl,
      SMTP_URL: testEnv().smtpUrl,
      JWT_SECRET: 'x'.repeat(40),
      QUEUE_PREFIX: 'seedtest',
      LOG_LEVEL: 'error',
    };
    const run = () =>
      spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/seed-demo.ts'], {
        cwd: root,
        env,
        encoding: 'utf8',
      });
    const first = run();
    expect({ status: first.status, stderr: first.status === 0 ? '' : first.stderr }).toEqual({ status: 0, stderr: '' });
    expect(first.stdout).toContain('an ad-hoc deadline with reminders for 3 states');
    const second = run();
    expect(second.stdout).toContain('the demo deadlines were already there');

    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT d.state_code, count(r.*)::int AS reminders FROM deadline d JOIN reminder r ON r.deadline_id = d.id
          WHERE d.kind = 'ad_hoc' AND r.status = 'planned' GROUP BY d.state_code ORDER BY d.state_code`,
      );
      expect(rows).toEqual([
        { state_code: 'ARG', reminders: 8 },
        { state_code: 'BRA', reminders: 8 },
        { state_code: 'HTI', reminders: 8 },
      ]);
    } finally {
      await client.end();
    }
  }, 60_000);
});
