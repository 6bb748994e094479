import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { OperationsSnapshot } from '@mesecvi/compliance';
import { JobQueues } from '@mesecvi/jobs';
import { PlatformMetrics } from '@mesecvi/observability';

/** Process-wide metrics plus queue depths read from BullMQ at scrape time. */
@Injectable()
export class MetricsService {
  readonly platform = new PlatformMetrics('api');
  private readonly queueDepth: Gauge<'queue' | 'state'>;
  private readonly oldestDueReminder: Gauge;
  private readonly failedMails: Gauge;

  constructor(
    private readonly queues: JobQueues,
    private readonly snapshot: OperationsSnapshot,
  ) {
    this.queueDepth = new Gauge({
      name: 'queue_jobs',
      help: 'Jobs per BullMQ queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.platform.registry],
    });
    // From PostgreSQL (reminders and mails are rows): a growing age means the sweep is not keeping up.
    this.oldestDueReminder = new Gauge({
      name: 'reminder_oldest_due_age_seconds',
      help: 'Age of the oldest reminder that is due but not yet turned into mail (0 when none)',
      registers: [this.platform.registry],
    });
    this.failedMails = new Gauge({
      name: 'outbox_failed_mails',
      help: 'Mails in the ledger whose delivery failed for good',
      registers: [this.platform.registry],
    });
  }

  async render(): Promise<string> {
    try {
      for (const { queue, counts } of await this.queues.depths()) {
        for (const [state, n] of Object.entries(counts)) this.queueDepth.set({ queue, state }, n);
      }
    } catch {
      // Redis down: serve the other metrics; /ready reports the outage.
    }
    try {
      const delivery = await this.snapshot.delivery();
      this.oldestDueReminder.set(delivery.oldestDueReminderAgeSeconds);
      this.failedMails.set(delivery.failedMails);
    } catch {
      // PostgreSQL down: the same; /ready says so.
    }
    return this.platform.registry.metrics();
  }
}
