// Reminders under faults: two workers at once, Redis flushed mid-burst,
// and a worker SIGKILLed several times during a burst of ≥ 500 due reminders. Each suite has its
// own database and SMTP sink (and Redis where it flushes it); loopback only, bounded waits.
import type { INestApplicationContext } from '@nestjs/common';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { Clock, ClockService } from '@mesecvi/clock';
import type { AppConfig } from '@mesecvi/config';
import { addDays, DeadlinesService, localDate, ruleInstant } from '@mesecvi/deadlines';
import {
  createAccount,
  createSuiteDatabase,
  MailSink,
  services,
  startTestApi,
  startTestWorker,
  testConfig,
  testEnv,
  waitFor,
  type ReceivedMail,
  type RunningMailSink,
  type RunningService,
  type SuiteDatabase,
  type TestApi,
} from '../harness';

const root = path.join(__dirname, '..', '..');
const TZ = 'America/New_York';
const STATES = ['ARG', 'BRA', 'HTI', 'CHL', 'PER'];
const FAST = {
  REMINDER_SWEEP_EVERY_MS: '200',
  REMINDER_LEASE_MS: '1500',
  OUTBOX_SWEEP_EVERY_MS: '200',
  MAIL_LEASE_MS: '1500',
  MAIL_RETRY_BASE_MS: '100',
};

interface Burst {
  addresses: Set<string>;
  /** Reminder rows that fall due (two per deadline: the focal point's and the contributors' −1d). */
  reminders: number;
}

/** One database, the api (to create deadlines and move the clock), and a burst of due reminders. */
class Scene {
  db!: SuiteDatabase;
  api!: TestApi;
  ds!: DataSource;
  readonly tag = randomBytes(3).toString('hex');

  async start(overrides: Record<string, string>): Promise<AppConfig> {
    this.db = await createSuiteDatabase();
    const config = testConfig(this.db.url, { ...FAST, ...overrides });
    this.api = await startTestApi(config);
    this.ds = this.api.app.get(DataSource);
    return config;
  }

  async stop(): Promise<void> {
    await this.api?.close();
    await this.db?.drop();
  }

  /** `deadlines` ad-hoc deadlines over five states, all due on the same day; the clock is moved to their −1d rule. */
  async burst(deadlines: number): Promise<Burst> {
    const addresses = new Set<string>();
    for (const stateCode of STATES) {
      for (const role of ['state_focal_point', 'state_contributor'] as const) {
        const account = await createAccount(this.ds, {
          role,
          stateCode,
          email: `${role}.${stateCode}.${this.tag}@example.test`.toLowerCase(),
        });
        addresses.add(account.email);
      }
    }
    const clock = this.api.app.get(Clock);
    const now = await clock.now();
    const due = addDays(localDate(now, TZ), 10);
    const service = this.api.app.get(DeadlinesService);
    await this.ds.transaction(async (manager) => {
      for (let i = 0; i < deadlines; i++) {
        const stateCode = STATES[i % STATES.length];
        await service.create(
          manager,
          {
            kind: 'ad_hoc',
            subject: { type: 'ad_hoc_request', id: `burst-${i}` },
            stateCode,
            dueDate: due,
            title: `Burst item ${i}`,
          },
          { actor: null, now },
        );
      }
    });
    const target = ruleInstant(due, -1, '09:00', TZ).getTime() + 60_000;
    await this.api.app.get(ClockService).advance(target - now.getTime());
    return { addresses, reminders: deadlines * 2 };
  }

  async counts(): Promise<{ unsentReminders: number; queued: number; outbox: number; sent: number; sending: number }> {
    const [r] = await this.ds.query(
      `SELECT (SELECT count(*)::int FROM reminder WHERE status IN ('planned', 'claimed') AND planned_at <= $1) AS "unsentReminders",
              (SELECT count(*)::int FROM reminder WHERE status = 'queued') AS queued,
              (SELECT count(*)::int FROM outbox_message WHERE kind = 'reminder') AS outbox,
              (SELECT count(*)::int FROM outbox_message WHERE kind = 'reminder' AND status = 'sent') AS sent,
              (SELECT count(*)::int FROM outbox_message WHERE kind = 'reminder' AND status = 'sending') AS sending`,
      [await this.api.app.get(Clock).now()],
    );
    return r;
  }

  /** Every due reminder queued, exactly one outbox row per reminder and recipient, every row sent. */
  async expectAllDelivered(burst: Burst, timeoutMs: number): Promise<void> {
    await waitFor(
      'every reminder queued and every mail sent',
      async () => {
        const c = await this.counts();
        return c.unsentReminders === 0 &&
          c.queued === burst.reminders &&
          c.outbox === c.sent &&
          c.sent === burst.reminders
          ? c
          : undefined;
      },
      timeoutMs,
      250,
    );
    const perKey: Array<{ n: number }> = await this.ds.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE kind = 'reminder' GROUP BY related_entity_id, recipient_address HAVING count(*) > 1`,
    );
    expect(perKey).toEqual([]);
  }
}

/** Mails of this burst at the sink, and how many arrived more than once (same Message-ID). */
async function atSink(
  sink: MailSink,
  addresses: Set<string>,
): Promise<{ mails: ReceivedMail[]; distinct: number; duplicates: number }> {
  const mails = (await sink.all()).filter((m) => m.to.some((t) => addresses.has(t.address.toLowerCase())));
  const distinct = new Set(mails.map((m) => m.headers['message-id'])).size;
  return { mails, distinct, duplicates: mails.length - distinct };
}

describe('reminder faults', () => {
  let mailSink: RunningMailSink;
  let sink: MailSink;

  beforeAll(async () => {
    mailSink = await services.startMailSink({
      smtpPort: await services.freePort(),
      webPort: await services.freePort(),
      projectRoot: root,
    });
    sink = new MailSink(mailSink.webUrl);
  });
  afterAll(async () => {
    await mailSink?.stop();
  });

  describe('two workers at once', () => {
    const scene = new Scene();
    const workers: INestApplicationContext[] = [];

    beforeAll(async () => {
      const config = await scene.start({ SMTP_URL: mailSink.smtpUrl });
      workers.push(await startTestWorker(config), await startTestWorker(config));
    });
    afterAll(async () => {
      for (const w of workers) await w.close();
      await scene.stop();
    });

    it('never writes a duplicate outbox row and sends each mail once', async () => {
      const burst = await scene.burst(150);
      await scene.expectAllDelivered(burst, 60_000);
      const { distinct, duplicates } = await atSink(sink, burst.addresses);
      expect({ distinct, duplicates }).toEqual({ distinct: burst.reminders, duplicates: 0 });
      // Both workers took part, and no reminder needed a second claim.
      const claims: Array<{ claims: number; n: number }> = await scene.ds.query(
        `SELECT claims, count(*)::int AS n FROM reminder WHERE status = 'queued' GROUP BY claims`,
      );
      expect(claims).toEqual([{ claims: 1, n: burst.reminders }]);
    });
  });

  describe('Redis flushed in the middle of a burst', () => {
    const scene = new Scene();
    let redis: RunningService;
    let redisDir: string;
    let client: Redis;
    let worker: INestApplicationContext;

    beforeAll(async () => {
      redisDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesecvi-redis-'));
      redis = await services.startRedis({ dir: redisDir, port: await services.freePort() });
      client = new Redis(redis.url);
      // The heartbeat period is also how often erased job schedulers are re-created.
      const config = await scene.start({
        SMTP_URL: mailSink.smtpUrl,
        REDIS_URL: redis.url,
        HEARTBEAT_EVERY_MS: '1000',
      });
      worker = await startTestWorker(config);
    });
    afterAll(async () => {
      await worker?.close();
      await scene.stop();
      client?.disconnect();
      await redis?.stop();
      fs.rmSync(redisDir, { recursive: true, force: true });
    });

    it('still delivers every reminder exactly once', async () => {
      const burst = await scene.burst(150);
      await waitFor(
        'the burst to start',
        async () => ((await scene.counts()).queued > 0 ? true : undefined),
        20_000,
        50,
      );
      await client.flushall();
      const atFlush = await scene.counts();
      expect(atFlush.sent).toBeLessThan(burst.reminders);
      await scene.expectAllDelivered(burst, 60_000);
      const { distinct, duplicates } = await atSink(sink, burst.addresses);
      expect({ distinct, duplicates }).toEqual({ distinct: burst.reminders, duplicates: 0 });
    });
  });

  describe('a worker SIGKILLed several times during a burst of 520 due reminders', () => {
    const scene = new Scene();
    let env: NodeJS.ProcessEnv;
    let output = '';
    let child: ChildProcess | undefined;

    const startWorker = async (): Promise<ChildProcess> => {
      const before = output.length;
      const c = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
        cwd: root,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      c.stdout?.on('data', (d: Buffer) => (output += d.toString()));
      c.stderr?.on('data', (d: Buffer) => (output += d.toString()));
      await waitFor(
        'the worker to start',
        async () => (output.slice(before).includes('worker started') ? true : undefined),
        30_000,
        100,
      );
      return c;
    };
    const kill = async (c: ChildProcess): Promise<void> => {
      const exited = new Promise((resolve) => c.once('exit', resolve));
      c.kill('SIGKILL');
      await exited;
    };

    beforeAll(async () => {
      const config = await scene.start({ SMTP_URL: mailSink.smtpUrl });
      env = {
        ...process.env,
        ...FAST,
        APP_MODE: 'test',
        DATABASE_URL: scene.db.url,
        REDIS_URL: testEnv().redisUrl,
        QUEUE_PREFIX: config.redis.queuePrefix,
        // Two SMTP connections: slow enough that the kills land mid-burst.
        SMTP_URL: `${mailSink.smtpUrl}?maxConnections=2`,
        JWT_SECRET: 'x'.repeat(40),
        MIGRATIONS_RUN: 'false',
        LOG_LEVEL: 'info',
        HEARTBEAT_EVERY_MS: '1000',
      };
    });
    afterAll(async () => {
      if (child && child.exitCode === null && child.signalCode === null) await kill(child);
      await scene.stop();
    });

    it('ends with exactly one outbox row per reminder and recipient, all sent; duplicates at the sink are at most the mails in flight at the kills, each logged', async () => {
      const burst = await scene.burst(260);
      expect(burst.reminders).toBeGreaterThanOrEqual(500);
      const inFlight: number[] = [];
      // Kill once while reminders are being staged, then twice while mail is being sent.
      const killWhen = [
        (c: { queued: number }) => c.queued > 0,
        (c: { sent: number }) => c.sent >= 120,
        (c: { sent: number }) => c.sent >= 300,
      ];
      for (const ready of killWhen) {
        child = await startWorker();
        await waitFor(
          'progress before the kill',
          async () => {
            const c = await scene.counts();
            return ready(c) || (c.unsentReminders === 0 && c.sent === c.outbox) ? true : undefined;
          },
          30_000,
          20,
        );
        await kill(child);
        // Mails claimed for sending when the process died: the SMTP server may already have them.
        inFlight.push((await scene.counts()).sending);
      }
      child = await startWorker();
      await scene.expectAllDelivered(burst, 90_000);
      const { distinct, duplicates } = await atSink(sink, burst.addresses);
      const resumed = output
        .split('\n')
        .filter((l) => l.includes('resuming a mail whose sender stopped mid-send')).length;
      console.log(
        `SIGKILL burst: ${burst.reminders} reminders, ${distinct} distinct mails at the sink, ${duplicates} duplicate(s); in flight at the kills: ${inFlight.join(', ')}; resumed-after-crash log lines: ${resumed}`,
      );
      expect(distinct).toBe(burst.reminders);
      expect(duplicates).toBeLessThanOrEqual(inFlight.reduce((a, b) => a + b, 0));
      // Each possible duplicate is logged with its row id and Message-ID when the row is resumed.
      expect(resumed).toBeGreaterThanOrEqual(duplicates);
    }, 180_000);
  });
});
