import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { JobQueues } from '@mesecvi/jobs';

export interface DeliveryHealth {
  /** Seconds since the oldest reminder that is due but not yet turned into mail was due; 0 when none. */
  oldestDueReminderAgeSeconds: number;
  dueReminders: number;
  failedMails: number;
  /** Mails waiting to be sent (pending or being sent), and how long the oldest due one has waited. */
  pendingMails: number;
  oldestPendingMailAgeSeconds: number;
}

export interface QueuesSnapshot extends DeliveryHealth {
  asOf: string;
  /** Job counts per BullMQ queue and state; null when Redis cannot be reached. */
  queues: Array<{ queue: string; counts: Record<string, number> }> | null;
}

/**
 * What the secretariat (GET /operations/queues) and Prometheus see of delivery: PostgreSQL says
 * what is late (reminders and mails are rows), Redis only how much transport work is queued.
 */
@Injectable()
export class OperationsSnapshot {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly queues: JobQueues,
  ) {}

  async delivery(): Promise<DeliveryHealth> {
    const now = await this.clock.now();
    // One status per subquery so each uses its partial index (IDX_reminder_due: planned, IDX_reminder_lease: claimed)
    // rather than scanning every reminder ever planned; mails by IDX_outbox_message_drain (status, next_attempt_at).
    const [r]: Array<{ oldest: Date | null; due: number; failed: number; pending: number; oldest_mail: Date | null }> =
      await this.dataSource.query(
        `SELECT LEAST((SELECT min(planned_at) FROM reminder WHERE status = 'planned' AND planned_at <= $1),
                    (SELECT min(planned_at) FROM reminder WHERE status = 'claimed' AND planned_at <= $1)) AS oldest,
              (SELECT count(*)::int FROM reminder WHERE status = 'planned' AND planned_at <= $1)
                + (SELECT count(*)::int FROM reminder WHERE status = 'claimed' AND planned_at <= $1) AS due,
              (SELECT count(*)::int FROM outbox_message WHERE status = 'failed') AS failed,
              (SELECT count(*)::int FROM outbox_message WHERE status IN ('pending', 'sending')) AS pending,
              (SELECT min(next_attempt_at) FROM outbox_message WHERE status IN ('pending', 'sending') AND next_attempt_at <= $1) AS oldest_mail`,
        [now],
      );
    const age = (at: Date | null): number =>
      at ? Math.max(0, Math.floor((now.getTime() - new Date(at).getTime()) / 1000)) : 0;
    return {
      oldestDueReminderAgeSeconds: age(r.oldest),
      dueReminders: r.due,
      failedMails: r.failed,
      pendingMails: r.pending,
      oldestPendingMailAgeSeconds: age(r.oldest_mail),
    };
  }

  async queuesSnapshot(): Promise<QueuesSnapshot> {
    const [delivery, queues, now] = await Promise.all([
      this.delivery(),
      this.queues.depths().catch(() => null),
      this.clock.now(),
    ]);
    return { asOf: now.toISOString(), ...delivery, queues };
  }
}
