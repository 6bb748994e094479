import { Injectable } from '@nestjs/common';
import { JobName, type JobPayloads } from '@mesecvi/jobs';
import { HandlesJob, type JobHandler } from '../registry/job-handler.decorator';
import { OutboxDrainer } from './outbox-drainer.service';

/** A wake-up for one committed row; a no-op if the row was already sent or is being sent. */
@Injectable()
@HandlesJob(JobName.OutboxDrain)
export class OutboxDrainHandler implements JobHandler<JobName.OutboxDrain> {
  constructor(private readonly drainer: OutboxDrainer) {}

  async handle(payload: JobPayloads[JobName.OutboxDrain]): Promise<{ delivered: boolean }> {
    return { delivered: await this.drainer.deliverOne(payload.outboxId) };
  }
}
