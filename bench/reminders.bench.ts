// Reminders: (1) the sweep's cost follows what is due, not the table — claim and stage 1,000 due
// reminders among 10k and among 1M reminder rows; (2) the outbox drain's delivery rate against a
// bare nodemailer pooled send loop to the same local SMTP sink, measured in the same run.
import path from 'node:path';
import { createTransport } from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import { DataSource } from 'typeorm';
import { runMigrationsWithLock } from '@mesecvi/database';
import { ReminderSweep } from '@mesecvi/deadlines';
import { renderMail, type StagedMail } from '@mesecvi/mail';
import { OutboxDrainer } from '../apps/worker/src/mail/outbox-drainer.service';
import { Clock } from '@mesecvi/clock';
import { Outbox } from '@mesecvi/mail';
import { atLeast, atMost, defineBenchmark, type RunContext } from './harness/benchmark';
import { median } from './harness/load';
import { startPlatformServices } from './harness/services';
import { startReminderContext } from './reminders/bench-context';
import { createFocalPoints, growBackground, insertDue } from './reminders/reminder-rows';

interface MailSinkProcess {
  smtpUrl: string;
  stop(): Promise<void>;
}
interface ServicesScript {
  freePort(): Promise<number>;
  startMailSink(opts: { smtpPort: number; webPort: number; projectRoot: string }): Promise<MailSinkProcess>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS helper of scripts/, shared with `npm run bench`
const services = require(path.resolve(__dirname, '..', 'scripts', 'lib', 'services.js')) as ServicesScript;

interface Plan {
  due: number;
  small: number;
  large: number;
  rounds: number;
  mails: number;
}
const FULL: Plan = { due: 1000, small: 10_000, large: 1_000_000, rounds: 3, mails: 2000 };
const SMOKE: Plan = { due: 100, small: 1000, large: 5000, rounds: 1, mails: 40 };
const planOf = (smoke: boolean): Plan => (smoke ? SMOKE : FULL);
const count = (n: number): string => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

const mailOf = (i: number): StagedMail => ({
  kind: 'reminder',
  template: 'deadline_reminder',
  language: 'es',
  to: { address: `focal.${i % 50}@bench.test`, name: 'María Fernández' },
  stateCode: 'ARG',
  payload: {
    recipientName: 'María Fernández',
    stateName: 'Argentina',
    deadlineKind: 'response',
    title: null,
    dueDate: '2026-09-30',
    timeZone: 'America/New_York',
    daysLeft: 7,
    link: 'https://platform.example.org/deadlines/8c0b1f0e-6d5f-4f21-a0f5-0c3e0e6a9a11',
  },
});

/** Claims and stages `due` reminders; returns the milliseconds it took. */
async function timeSweep(ds: DataSource, sweep: ReminderSweep, due: number): Promise<number> {
  await insertDue(ds, due);
  const started = process.hrtime.bigint();
  const stats = await sweep.run();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (stats.queued !== due) throw new Error(`the sweep queued ${stats.queued} of ${due} due reminders`);
  return ms;
}

export const remindersBenchmark = defineBenchmark({
  name: 'reminders',
  comparisons: {
    sweepScaling: {
      name: 'reminder sweep: 1M vs 10k reminder rows',
      workload: (smoke) => {
        const p = planOf(smoke);
        return `claim + stage ${count(p.due)} due reminders among ${count(p.large)} vs ${count(p.small)} rows${p.rounds > 1 ? `, median of ${p.rounds}` : ''}`;
      },
      units: 'ms',
      target: atMost(1.5),
    },
    drainVsNodemailer: {
      name: 'outbox drain vs bare nodemailer pool',
      workload: (smoke) => `${count(planOf(smoke).mails)} mails to a local maildev, 5 pooled connections, 10 in flight`,
      units: 'mails/s',
      target: atLeast(0.7),
    },
  },
  async run(ctx: RunContext) {
    const plan = planOf(ctx.smoke);
    const { databaseUrl, redisUrl } = await startPlatformServices(ctx, 'mesecvi_bench_reminders');
    await runMigrationsWithLock({ database: { url: databaseUrl, poolSize: 2, migrationsRun: true } });
    const sink = await services.startMailSink({
      smtpPort: await services.freePort(),
      webPort: await services.freePort(),
      projectRoot: path.resolve(__dirname, '..'),
    });
    ctx.defer(() => sink.stop());
    const { app, config } = await startReminderContext({ databaseUrl, redisUrl, smtpUrl: sink.smtpUrl });
    ctx.defer(() => app.close());
    const ds = app.get(DataSource);
    const sweep = app.get(ReminderSweep);
    await createFocalPoints(ds);

    // (1) The sweep at two table sizes.
    const sweepMs = async (total: number): Promise<number> => {
      await growBackground(ds, total);
      await timeSweep(ds, sweep, plan.due); // warm-up: plans cached, pool connected
      const samples: number[] = [];
      for (let i = 0; i < plan.rounds; i++) samples.push(await timeSweep(ds, sweep, plan.due));
      ctx.log(`sweep with ${count(total)} rows: ${samples.map((s) => s.toFixed(0)).join(', ')} ms`);
      return median(samples);
    };
    const small = await sweepMs(plan.small);
    const large = await sweepMs(plan.large);

    // (2) Delivery: the drain (claim → render → SMTP → record) against nodemailer alone.
    await ds.query(`DELETE FROM outbox_message`);
    const outbox = app.get(Outbox);
    const now = await app.get(Clock).now();
    const stage = (n: number) =>
      ds.transaction(async (manager) => {
        for (let i = 0; i < n; i++) await outbox.stage(manager, mailOf(i), now);
      });
    const drainer = app.get(OutboxDrainer);
    await stage(20);
    await drainer.drainDue(); // warm-up: connections opened, templates compiled
    await stage(plan.mails);
    const left = plan.mails;
    let started = process.hrtime.bigint();
    let handled = 0;
    for (;;) {
      const n = await drainer.drainDue();
      if (n === 0) break;
      handled += n;
    }
    const drainRate = handled / (Number(process.hrtime.bigint() - started) / 1e9);
    if (handled !== left) throw new Error(`the drain handled ${handled} of ${left} mails`);

    const rendered = renderMail('deadline_reminder', mailOf(0).payload, 'es', { timeZone: config.mechanism.timeZone });
    const transport = createTransport(new SMTPPool({ url: sink.smtpUrl, pool: true, maxConnections: 5 }));
    ctx.defer(() => transport.close());
    const send = (i: number) =>
      transport.sendMail({
        from: config.mail.from,
        to: mailOf(i).to.address,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        messageId: `<bench-${i}@bench.test>`,
      });
    for (let i = 0; i < 10; i++) await send(i); // warm-up
    started = process.hrtime.bigint();
    let next = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (next < left) await send(next++);
      }),
    );
    const bareRate = left / (Number(process.hrtime.bigint() - started) / 1e9);
    ctx.log(`drain ${drainRate.toFixed(0)} mails/s, nodemailer ${bareRate.toFixed(0)} mails/s`);

    return {
      sweepScaling: { ours: large, baseline: small },
      drainVsNodemailer: { ours: drainRate, baseline: bareRate },
    };
  },
});
