import type { INestApplicationContext } from '@nestjs/common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import type { AppConfig } from '@mesecvi/config';
import { JobQueues, QueueName } from '@mesecvi/jobs';
import { Outbox, type StagedMail } from '@mesecvi/mail';
import {
  createSuiteDatabase,
  MailSink,
  services,
  startTestApi,
  startTestWorker,
  testConfig,
  waitFor,
  type RunningMailSink,
  type RunningService,
  type SuiteDatabase,
  type TestApi,
  createAccount,
} from '../harness';

interface Row {
  status: string;
  attempts: number;
  last_error: string | null;
  smtp_response: string | null;
}

const root = path.join(__dirname, '..', '..');
const address = (label: string): string => `${label}.${randomBytes(4).toString('hex')}@example.test`;

const reset = (to: string): StagedMail => ({
  kind: 'password_reset',
  template: 'password_reset',
  language: 'pt',
  to: { address: to, name: 'João' },
  payload: {
    recipientName: 'João',
    link: 'https://platform.example.org/reset?token=t',
    expiresAt: '2026-03-15T21:00:00.000Z',
  },
});

/** The api (stages and wakes) and the worker (sends), on a database of their own. */
class Stack {
  db!: SuiteDatabase;
  api!: TestApi;
  worker!: INestApplicationContext;
  ds!: DataSource;

  async start(overrides: Record<string, string>): Promise<AppConfig> {
    this.db = await createSuiteDatabase();
    const config = testConfig(this.db.url, { MAIL_RETRY_BASE_MS: '200', OUTBOX_SWEEP_EVERY_MS: '200', ...overrides });
    this.api = await startTestApi(config);
    this.worker = await startTestWorker(config);
    this.ds = this.api.app.get(DataSource);
    return config;
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.api?.close();
    await this.db?.drop();
  }

  async stage(mail: StagedMail, wake = true): Promise<string> {
    const outbox = this.api.app.get(Outbox);
    const clock = this.api.app.get(Clock);
    const id = await this.ds.transaction(async (manager) => outbox.stage(manager, mail, await clock.now()));
    if (wake) await outbox.wake([id]);
    return id;
  }

  async row(id: string): Promise<Row> {
    return (
      (await this.ds.query('SELECT status, attempts, last_error, smtp_response FROM outbox_message WHERE id = $1', [
        id,
      ])) as Row[]
    )[0];
  }

  waitForRow(id: string, what: string, ok: (row: Row) => boolean, timeoutMs = 20000): Promise<Row> {
    return waitFor(
      what,
      async () => {
        const row = await this.row(id);
        return row && ok(row) ? row : undefined;
      },
      timeoutMs,
      100,
    );
  }
}

describe('outbox faults: an SMTP server that stops, then comes back on the same port', () => {
  const stack = new Stack();
  let sink: RunningMailSink;
  let smtpPort: number;
  let webPort: number;

  beforeAll(async () => {
    smtpPort = await services.freePort();
    webPort = await services.freePort();
    sink = await services.startMailSink({ smtpPort, webPort, projectRoot: root });
    await stack.start({ SMTP_URL: sink.smtpUrl, MAIL_MAX_ATTEMPTS: '20' });
  });
  afterAll(async () => {
    await stack.stop();
    await sink?.stop();
  });

  it('retries with growing attempts and the last error recorded, then sends when the server is back', async () => {
    const to = address('smtp-down');
    await sink.stop();
    const id = await stack.stage(reset(to));
    const failing = await stack.waitForRow(
      id,
      'two failed attempts',
      (r) => r.attempts >= 2 && r.status === 'pending' && r.last_error !== null,
    );
    expect(failing.last_error).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);

    sink = await services.startMailSink({ smtpPort, webPort, projectRoot: root });
    const [mail] = await new MailSink(sink.webUrl).waitForMailTo(to, 1, 30000);
    expect(mail.subject).toBe('Redefinição da sua senha – Plataforma de Acompanhamento do MESECVI');
    const sent = await stack.waitForRow(id, 'the row to be sent', (r) => r.status === 'sent');
    expect(sent.attempts).toBeGreaterThan(failing.attempts);
    expect(sent.smtp_response).toMatch(/^250/);
    // The last error stays on the row: the ledger shows the mail needed retries.
    expect(sent.last_error).not.toBeNull();
  });
});

describe('outbox faults: an SMTP server that never answers', () => {
  const stack = new Stack();

  beforeAll(async () => {
    const nobodyListens = await services.freePort();
    await stack.start({ SMTP_URL: `smtp://127.0.0.1:${nobodyListens}`, MAIL_MAX_ATTEMPTS: '3' });
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('marks the mail failed after MAIL_MAX_ATTEMPTS, with the last error, and alerts the secretariat once', async () => {
    const secretariat = await createAccount(stack.ds, { role: 'secretariat', language: 'es' });
    const id = await stack.stage(reset(address('never')));
    const failed = await stack.waitForRow(id, 'the row to fail', (r) => r.status === 'failed');
    expect(failed.attempts).toBe(3);
    expect(failed.last_error).toMatch(/ECONNREFUSED/);
    // Failed is final: later sweeps leave it alone.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await stack.row(id)).attempts).toBe(3);
    // The alert is staged for the secretariat (it fails too here: same dead server) and raises no alert of its own.
    const alerts: Array<{ id: string; recipient_address: string; language: string }> = await stack.ds.query(
      `SELECT id, recipient_address, language FROM outbox_message WHERE kind = 'alert' AND related_entity_id = $1`,
      [id],
    );
    expect(alerts).toEqual([{ id: expect.any(String), recipient_address: secretariat.email, language: 'es' }]);
    await stack.waitForRow(alerts[0].id, 'the alert to fail as well', (r) => r.status === 'failed');
    const secondOrder: Array<{ n: number }> = await stack.ds.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE kind = 'alert' AND related_entity_id = $1`,
      [alerts[0].id],
    );
    expect(secondOrder[0].n).toBe(0);
  });
});

describe('outbox faults: a flushed Redis', () => {
  const stack = new Stack();
  const sink = new MailSink();
  let redis: RunningService;
  let redisDir: string;
  let client: Redis;

  beforeAll(async () => {
    redisDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesecvi-redis-'));
    redis = await services.startRedis({ dir: redisDir, port: await services.freePort() });
    client = new Redis(redis.url);
    // A short heartbeat period: it is also how often missing schedulers are re-created.
    await stack.start({ REDIS_URL: redis.url, MAIL_MAX_ATTEMPTS: '3', HEARTBEAT_EVERY_MS: '1000' });
  });
  afterAll(async () => {
    await stack.stop();
    client?.disconnect();
    await redis?.stop();
    fs.rmSync(redisDir, { recursive: true, force: true });
  });

  it('still sends what PostgreSQL holds after FLUSHALL: woken, unwoken and staged before the flush', async () => {
    const before = address('before-flush');
    await stack.stage(reset(before));
    await sink.waitForMailTo(before);

    // Staged and committed, its wake-up lost with everything else in Redis.
    const lost = address('lost-wakeup');
    const lostId = await stack.stage(reset(lost), false);
    await client.flushall();
    const woken = address('after-flush-woken');
    const unwoken = address('after-flush-unwoken');
    await stack.stage(reset(woken));
    await stack.stage(reset(unwoken), false);

    await sink.waitForMailTo(woken, 1, 20000);
    await sink.waitForMailTo(unwoken, 1, 20000);
    await sink.waitForMailTo(lost, 1, 20000);
    expect((await stack.row(lostId)).status).toBe('sent');
    for (const to of [before, lost, woken, unwoken]) expect(await sink.to(to)).toHaveLength(1);
    // The unwoken mails needed the sweep, whose scheduler the flush had erased: the worker re-created it.
    // Polled: one CI run found it missing right after the mails arrived; the worker re-creates
    // missing schedulers every heartbeat, which is what this asserts.
    const scheduler = await waitFor(
      'the sweep scheduler',
      async () =>
        (await stack.worker.get(JobQueues).queue(QueueName.Mail).getJobScheduler('outbox-sweep')) ?? undefined,
      10000,
      100,
    );
    expect(scheduler).toBeDefined();
  });
});
