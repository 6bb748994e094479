import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { JobQueues } from '@mesecvi/jobs';
import { PlatformMetrics } from '@mesecvi/observability';

/** Process-wide metrics plus queue depths read from BullMQ at scrape time. */
@Injectable()
export class MetricsService {
  readonly platform = new PlatformMetrics('api');
  private readonly queueDepth: Gauge<'queue' | 'state'>;

  constructor(private readonly queues: JobQueues) {
    this.queueDepth = new Gauge({
      name: 'queue_jobs',
      help: 'Jobs per BullMQ queue and state',
      labelNames: ['queue', 'state'],
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
    return this.platform.registry.metrics();
  }
}
