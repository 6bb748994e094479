import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { JOB_QUEUE, JobName, JobQueues } from '@mesecvi/jobs';

/** Held while upserting: several workers starting together upsert one after another, never concurrently. */
export const SCHEDULES_LOCK_KEY = 7_231_996;

interface Schedule {
  id: string;
  name: JobName;
  everyMs: number;
}

/**
 * The one place recurring jobs are declared: BullMQ's scheduler upserts, run concurrently from
 * many places, have been seen to duplicate or stop schedulers. Upserting by a fixed id is idempotent across restarts.
 * Schedulers live in Redis; if it is flushed they vanish, so every heartbeat period this checks
 * that each one still exists and re-creates only a missing one (PostgreSQL holds the work itself).
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobSchedules');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queues: JobQueues,
    private readonly dataSource: DataSource,
  ) {}

  private schedules(): Schedule[] {
    return [
      { id: 'heartbeat', name: JobName.Heartbeat, everyMs: this.config.worker.heartbeatEveryMs },
      // Frequent and cheap: the unsealed lag of the audit chain is at most about this period.
      { id: 'audit-seal', name: JobName.AuditSeal, everyMs: this.config.worker.auditSealEveryMs },
      // The outbox sweep reads PostgreSQL, so mail whose wake-up was lost (or is due for a retry) still goes out.
      { id: 'outbox-sweep', name: JobName.OutboxSweep, everyMs: this.config.mail.sweepEveryMs },
      // Reminder rows live in PostgreSQL; the tick only says "look now".
      { id: 'reminder-sweep', name: JobName.ReminderSweep, everyMs: this.config.reminders.sweepEveryMs },
      // Checks whether this week's digest moment has passed (by the Clock); staging is deduplicated per week.
      ...(this.config.digest.enabled
        ? [{ id: 'weekly-digest', name: JobName.WeeklyDigest, everyMs: this.config.digest.checkEveryMs }]
        : []),
    ];
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.underLock(async () => {
      for (const s of this.schedules()) await this.upsert(s);
    });
    this.timer = setInterval(() => void this.restoreMissing(), this.config.worker.heartbeatEveryMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async restoreMissing(): Promise<void> {
    for (const s of this.schedules()) {
      try {
        if (await this.queues.queue(JOB_QUEUE[s.name]).getJobScheduler(s.id)) continue;
        this.logger.warn({ msg: 'job scheduler missing (was Redis flushed?); re-creating it', scheduler: s.id });
        await this.underLock(() => this.upsert(s));
      } catch (e) {
        this.logger.warn({
          msg: 'could not check a job scheduler',
          scheduler: s.id,
          error: e instanceof Error ? e.message : String(e),
        });
      }
    }
  }

  /** A session-level PostgreSQL advisory lock on a connection of its own (concurrent upserts misbehave). */
  private async underLock(work: () => Promise<void>): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [SCHEDULES_LOCK_KEY]);
      try {
        await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [SCHEDULES_LOCK_KEY]).catch(() => undefined);
      }
    } finally {
      await runner.release();
    }
  }

  private async upsert(s: Schedule): Promise<void> {
    await this.queues
      .queue(JOB_QUEUE[s.name])
      .upsertJobScheduler(s.id, { every: s.everyMs }, { name: s.name, data: {} });
  }
}
