import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueName, RedisErrorReporter } from '@mesecvi/jobs';
import { JobHandlerRegistry } from './job-handler.registry';

/** One BullMQ worker per queue; each only dispatches to the registered handler by job name. */
@Processor(QueueName.Maintenance, { concurrency: 2 })
export class MaintenanceProcessor extends WorkerHost {
  private readonly redisErrors = new RedisErrorReporter(`worker ${QueueName.Maintenance}`);

  constructor(private readonly registry: JobHandlerRegistry) {
    super();
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.redisErrors.report(error);
  }

  process(job: Job): Promise<unknown> {
    return this.registry.dispatch(job);
  }
}

/** Outbox wake-ups and sweeps; sends are I/O-bound, and claims keep concurrent jobs apart. */
@Processor(QueueName.Mail, { concurrency: 4 })
export class MailProcessor extends WorkerHost {
  private readonly redisErrors = new RedisErrorReporter(`worker ${QueueName.Mail}`);

  constructor(private readonly registry: JobHandlerRegistry) {
    super();
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.redisErrors.report(error);
  }

  process(job: Job): Promise<unknown> {
    return this.registry.dispatch(job);
  }
}

/** The reminder sweep: one at a time per worker (several workers are kept apart by SKIP LOCKED claims). */
@Processor(QueueName.Reminders, { concurrency: 1 })
export class RemindersProcessor extends WorkerHost {
  private readonly redisErrors = new RedisErrorReporter(`worker ${QueueName.Reminders}`);

  constructor(private readonly registry: JobHandlerRegistry) {
    super();
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.redisErrors.report(error);
  }

  process(job: Job): Promise<unknown> {
    return this.registry.dispatch(job);
  }
}

export const QUEUE_PROCESSORS = [MaintenanceProcessor, MailProcessor, RemindersProcessor];
