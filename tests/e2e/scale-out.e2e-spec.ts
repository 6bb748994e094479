import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { addDays, localDate } from '@mesecvi/deadlines';
import { canonicalJson } from '@mesecvi/questionnaires';
import {
  createAccount,
  createSuiteDatabase,
  MailSink,
  services,
  testEnv,
  waitFor,
  type ReceivedMail,
  type SuiteDatabase,
  type TestAccount,
} from '../harness';
import { exampleAnswers, pdfBytes } from '../harness/submission-fixtures';

const root = path.join(__dirname, '..', '..');
const TZ = 'America/New_York';
const DAY = 86_400_000;

/** How far to move the clock so it reads noon in New York (reminders fire at 09:00 there). */
function shiftToNoon(now: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TZ,
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const sinceMidnight = (get('hour') * 3600 + get('minute') * 60 + get('second')) * 1000;
  const noon = 12 * 3600_000;
  return sinceMidnight <= noon ? noon - sinceMidnight : 24 * 3600_000 - (sinceMidnight - noon);
}

interface Proc {
  name: string;
  child: ChildProcess;
  output: string;
  port?: number;
}

interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * Scale-out (docs/operations.md, "Production topology"): two api and two worker processes, started from their
 * entry points, on one PostgreSQL database and one Redis. The submission flow goes through both
 * apis, reminders fall due when the clock moves and both workers sweep; every mail arrives once,
 * the login throttle is shared, and each recurring job has one scheduler in Redis.
 */
describe('scale-out: two apis and two workers on one PostgreSQL and one Redis', () => {
  let db: SuiteDatabase;
  let ds: DataSource;
  let redis: Redis;
  const prefix = `so${randomBytes(4).toString('hex')}`;
  const procs: Proc[] = [];
  const apis: Proc[] = [];
  const sink = new MailSink();
  let secretariat: TestAccount;
  const fp: Record<string, TestAccount> = {};

  const env = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
    ...process.env,
    APP_MODE: 'test',
    DATABASE_URL: db.url,
    REDIS_URL: testEnv().redisUrl,
    SMTP_URL: testEnv().smtpUrl,
    QUEUE_PREFIX: prefix,
    JWT_SECRET: 'scale-out-secret-that-is-long-enough-0123456789',
    MIGRATIONS_RUN: 'false',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PUBLIC_BASE_URL: 'http://localhost:3000',
    DIGEST_ENABLED: 'false',
    REMINDER_SWEEP_EVERY_MS: '500',
    OUTBOX_SWEEP_EVERY_MS: '500',
    HEARTBEAT_EVERY_MS: '1000',
    LOGIN_MAX_ATTEMPTS: '3',
    WRITE_RATE_LIMIT_POINTS: '100000',
    DB_POOL_SIZE: '4',
    ...extra,
  });
  const start = async (
    name: string,
    entry: string,
    extra: Record<string, string>,
    ready: (p: Proc) => Promise<boolean>,
  ): Promise<Proc> => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
      cwd: root,
      env: env(extra),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const proc: Proc = { name, child, output: '', port: extra.PORT ? Number(extra.PORT) : undefined };
    child.stdout?.on('data', (d: Buffer) => (proc.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (proc.output += d.toString()));
    procs.push(proc);
    await waitFor(`${name} to be ready`, async () => ((await ready(proc)) ? true : undefined), 60_000, 200);
    return proc;
  };
  const call = async (
    via: Proc,
    method: string,
    url: string,
    options: { bearer?: string; json?: unknown; body?: Buffer; headers?: Record<string, string> } = {},
  ): Promise<Reply> => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.bearer) headers.authorization = options.bearer;
    let body: string | Buffer | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.body) {
      body = options.body;
    }
    const res = await fetch(`http://127.0.0.1:${via.port}${url}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: res.status, headers: res.headers, body: parsed };
  };
  const expectStatus = (r: Reply, status: number): Record<string, unknown> => {
    expect({ status: r.status, body: r.status === status ? null : r.body }).toEqual({ status, body: null });
    return r.body as Record<string, unknown>;
  };
  const login = async (via: Proc, who: TestAccount): Promise<string> =>
    `Bearer ${expectStatus(await call(via, 'POST', '/auth/login', { json: { email: who.email, password: who.password } }), 200).accessToken as string}`;
  const moveClock = async (ms: number): Promise<void> => {
    await ds.query(
      `INSERT INTO clock_offset (id, offset_ms, updated_at) VALUES (1, $1, clock_timestamp())
       ON CONFLICT (id) DO UPDATE SET offset_ms = clock_offset.offset_ms + EXCLUDED.offset_ms, updated_at = clock_timestamp()`,
      [ms],
    );
  };
  const clockNow = async (): Promise<Date> => {
    const rows: Array<{ offset_ms: string }> = await ds.query('SELECT offset_ms FROM clock_offset WHERE id = 1');
    return new Date(Date.now() + (rows.length ? Number(rows[0].offset_ms) : 0));
  };
  const mailsOfThisSuite = async (): Promise<ReceivedMail[]> => {
    const ours = new Set([secretariat, ...Object.values(fp)].map((a) => a.email));
    return (await sink.all()).filter((m) => m.to.some((t) => ours.has(t.address.toLowerCase())));
  };

  beforeAll(async () => {
    db = await createSuiteDatabase();
    ds = new DataSource({ type: 'postgres', url: db.url, poolSize: 2 });
    await ds.initialize();
    redis = new Redis(testEnv().redisUrl, { maxRetriesPerRequest: 1 });
    await moveClock(shiftToNoon(new Date()));
    secretariat = await createAccount(ds, { role: 'secretariat' });
    for (const state of ['ARG', 'BRA'])
      fp[state] = await createAccount(ds, { role: 'state_focal_point', stateCode: state });
    for (const n of [1, 2]) {
      const port = await services.freePort();
      apis.push(
        await start(
          `api${n}`,
          'apps/api/src/main.ts',
          { PORT: String(port) },
          async (p) => (await fetch(`http://127.0.0.1:${p.port}/ready`).catch(() => undefined))?.status === 200,
        ),
      );
    }
    for (const n of [1, 2])
      await start(`worker${n}`, 'apps/worker/src/main.ts', {}, async (p) => p.output.includes('worker started'));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(
      procs.map(
        (p) =>
          new Promise<void>((resolve) => {
            if (p.child.exitCode !== null || p.child.signalCode !== null) return resolve();
            const timer = setTimeout(() => p.child.kill('SIGKILL'), 15_000);
            p.child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            p.child.kill('SIGTERM');
          }),
      ),
    );
    await redis?.quit();
    await ds?.destroy();
    await db?.drop();
  }, 60_000);

  it('drives a submission through both apis: distributed on one, drafted and submitted across the two', async () => {
    const [api1, api2] = apis;
    const admin1 = await login(api1, secretariat);
    const admin2 = await login(api2, secretariat);
    // The file questionnaires are registered by the first api that needs them.
    expectStatus(await call(api1, 'GET', '/questionnaires/evaluation-round/versions/1', { bearer: admin1 }), 200);
    const [q]: Array<{ id: string }> = await ds.query(
      `SELECT id FROM questionnaire_version WHERE key = 'evaluation-round' AND source = 'file' ORDER BY version DESC LIMIT 1`,
    );
    const dueDate = addDays(localDate(await clockNow(), TZ), 10);
    const round = expectStatus(
      await call(api1, 'POST', '/rounds', {
        bearer: admin1,
        json: { kind: 'evaluation', name: 'Scale-out round', number: 31 },
      }),
      201,
    );
    const roundId = round.id as string;
    expectStatus(
      await call(api2, 'PATCH', `/rounds/${roundId}`, {
        bearer: admin2,
        json: { questionnaireVersionId: q.id, responseDueDate: dueDate },
      }),
      200,
    );
    for (const to of ['questionnaire_adopted', 'open_for_responses'])
      expectStatus(
        await call(to === 'open_for_responses' ? api2 : api1, 'POST', `/rounds/${roundId}/phase`, {
          bearer: to === 'open_for_responses' ? admin2 : admin1,
          json: { to },
        }),
        200,
      );
    expectStatus(
      await call(api2, 'POST', `/rounds/${roundId}/distribution`, {
        bearer: admin2,
        json: { stateCodes: ['ARG', 'BRA'] },
      }),
      200,
    );
    const list = (await call(api1, 'GET', `/rounds/${roundId}/evaluations`, { bearer: admin1 })).body as Array<{
      id: string;
      stateCode: string;
    }>;
    const arg = list.find((e) => e.stateCode === 'ARG')?.id as string;

    // Argentina: evidence uploaded on both apis, the draft saved on api1, submitted on api2.
    const fp1 = await login(api1, fp.ARG);
    const fp2 = await login(api2, fp.ARG);
    const evidence: string[] = [];
    for (let i = 1; i <= 7; i++) {
      const via = i % 2 ? api1 : api2;
      const uploaded = await call(via, 'POST', `/evaluations/${arg}/attachments`, {
        bearer: via === api1 ? fp1 : fp2,
        body: pdfBytes(`scale-${i}`),
        headers: { 'content-type': 'application/octet-stream', 'x-filename': `evidencia-${i}.pdf` },
      });
      evidence.push(expectStatus(uploaded, 201).id as string);
    }
    const draft = await call(api2, 'GET', `/evaluations/${arg}/draft`, { bearer: fp2 });
    const etag = draft.headers.get('etag') as string;
    const answers = exampleAnswers('valid-argentina-complete', evidence);
    const saved = await call(api1, 'PUT', `/evaluations/${arg}/draft`, {
      bearer: fp1,
      json: answers,
      headers: { 'if-match': etag },
    });
    expect(expectStatus(saved, 200).remainingProblems).toEqual([]);
    // The ETag api1 issued is what api2 checks: a stale one is refused there.
    expectStatus(
      await call(api2, 'PUT', `/evaluations/${arg}/draft`, {
        bearer: fp2,
        json: answers,
        headers: { 'if-match': etag },
      }),
      412,
    );
    const key = `scale-${randomBytes(4).toString('hex')}`;
    const [a, b] = await Promise.all([
      call(api2, 'POST', `/evaluations/${arg}/submissions`, {
        bearer: fp2,
        json: {},
        headers: { 'idempotency-key': key },
      }),
      call(api1, 'POST', `/evaluations/${arg}/submissions`, {
        bearer: fp1,
        json: {},
        headers: { 'idempotency-key': key },
      }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toEqual(b.body);
    expect((a.body as { sha256: string }).sha256).toBe(
      createHash('sha256').update(canonicalJson(answers)).digest('hex'),
    );
    const [count]: Array<{ n: number }> = await ds.query(
      `SELECT count(*)::int AS n FROM submission WHERE evaluation_id = $1`,
      [arg],
    );
    expect(count.n).toBe(1);
    const seen = await call(api1, 'GET', `/evaluations/${arg}`, { bearer: admin1 });
    expect(expectStatus(seen, 200).status).toBe('submitted');

    // Reminders: three days later the "7 days before" rule is due for Brazil (Argentina answered).
    await moveClock(3 * DAY);
    await waitFor(
      'the due reminders to be swept and their mails sent',
      async () => {
        const [r]: Array<{ due: number; unsent: number; queued: number }> = await ds.query(
          `SELECT (SELECT count(*)::int FROM reminder WHERE status IN ('planned', 'claimed') AND planned_at <= $1) AS due,
                (SELECT count(*)::int FROM outbox_message WHERE status NOT IN ('sent', 'failed', 'skipped')) AS unsent,
                (SELECT count(*)::int FROM reminder WHERE status = 'queued') AS queued`,
          [await clockNow()],
        );
        return r.due === 0 && r.unsent === 0 && r.queued > 0 ? true : undefined;
      },
      60_000,
      250,
    );
    const reminders: Array<{ state_code: string; recipient_address: string }> = await ds.query(
      `SELECT state_code, recipient_address FROM outbox_message WHERE kind = 'reminder' AND status = 'sent' ORDER BY state_code`,
    );
    expect(reminders.map((r) => r.state_code)).toContain('BRA');
    expect(reminders.map((r) => r.state_code)).not.toContain('ARG');
    expect(reminders.map((r) => r.recipient_address)).toContain(fp.BRA.email);

    // Every sent ledger row reached the sink exactly once: no duplicate across the two workers.
    const sent: Array<{ recipient_address: string }> = await ds.query(
      `SELECT recipient_address FROM outbox_message WHERE status = 'sent'`,
    );
    const expectedOurs = sent.filter((s) =>
      [secretariat, ...Object.values(fp)].some((a) => a.email === s.recipient_address.toLowerCase()),
    ).length;
    const mails = await waitFor(
      'the mails at the sink',
      async () => {
        const m = await mailsOfThisSuite();
        return m.length >= expectedOurs ? m : undefined;
      },
      30_000,
      250,
    );
    await new Promise((r) => setTimeout(r, 2000)); // a late duplicate would show up by now
    const final = await mailsOfThisSuite();
    expect(final.length).toBe(mails.length);
    const ids = final.map((m) => `${m.to.map((t) => t.address).join(',')} ${m.headers['message-id']}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(final.length).toBe(expectedOurs);
    expect(
      final.filter((m) => m.to.some((t) => t.address.toLowerCase() === fp.BRA.email)).length,
    ).toBeGreaterThanOrEqual(2); // the invitation and the reminder
  }, 240_000);

  it('shares the login throttle between the two apis', async () => {
    const [api1, api2] = apis;
    const user = await createAccount(ds, { role: 'state_contributor', stateCode: 'CHL' });
    const bad = { email: user.email, password: 'not-the-password' };
    expect((await call(api1, 'POST', '/auth/login', { json: bad })).status).toBe(401);
    expect((await call(api2, 'POST', '/auth/login', { json: bad })).status).toBe(401);
    expect((await call(api1, 'POST', '/auth/login', { json: bad })).status).toBe(401);
    const blocked = await call(api2, 'POST', '/auth/login', { json: { email: user.email, password: user.password } });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(
      (await call(api1, 'POST', '/auth/login', { json: { email: user.email, password: user.password } })).status,
    ).toBe(429);
  });

  it('keeps one scheduler per recurring job in Redis, whichever worker upserted it', async () => {
    const expected: Record<string, string[]> = {
      maintenance: ['audit-seal', 'heartbeat'],
      mail: ['outbox-sweep'],
      reminders: ['reminder-sweep'],
    };
    for (const [name, ids] of Object.entries(expected)) {
      const connection = redis.duplicate();
      const queue = new Queue(name, { connection, prefix });
      try {
        const schedulers = await queue.getJobSchedulers();
        expect({ queue: name, ids: schedulers.map((s) => s.key).sort() }).toEqual({ queue: name, ids });
        // At most one next run waits per scheduler: two workers did not each schedule their own.
        for (let sample = 0; sample < 3; sample++) {
          const delayed = await queue.getDelayed();
          for (const id of ids)
            expect({ queue: name, id, next: Math.min(1, delayed.filter((j) => j.repeatJobKey === id).length) }).toEqual(
              { queue: name, id, next: delayed.filter((j) => j.repeatJobKey === id).length },
            );
          await new Promise((r) => setTimeout(r, 300));
        }
      } finally {
        await queue.close();
        await connection.quit();
      }
    }
    // Both workers are still running.
    expect(procs.filter((p) => p.name.startsWith('worker') && p.child.exitCode === null)).toHaveLength(2);
  });
});
