import { Injectable } from '@nestjs/common';
import { JobName } from '@mesecvi/jobs';
import { HandlesJob, type JobHandler } from '../registry/job-handler.decorator';
import { OutboxDrainer } from './outbox-drainer.service';

/** The recurring tick: PostgreSQL, not Redis, says what is due, so lost wake-ups and retries are found here. */
@Injectable()
@HandlesJob(JobName.OutboxSweep)
export class OutboxSweepHandler implements JobHandler<JobName.OutboxSweep> {
  constructor(private readonly drainer: OutboxDrainer) {}

  async handle(): Promise<{ handled: number }> {
    return { handled: await this.drainer.drainDue() };
  }
}
