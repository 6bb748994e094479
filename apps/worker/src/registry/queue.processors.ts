import { Injectable } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueName, RedisErrorReporter } from '@mesecvi/jobs';
import { JobHandlerRegistry } from './job-handler.registry';

/**
 * What every queue's worker does: dispatch to the registered handler by job name, and report
 * connection errors as structured warnings. Subclasses only say which queue and how concurrent.
 */
@Injectable()
abstract class DispatchingProcessor extends WorkerHost {
  private readonly redisErrors = new RedisErrorReporter(`worker ${this.constructor.name}`);

  constructor(private readonly registry: JobHandlerRegistry) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.registry.dispatch(job);
  }

  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.redisErrors.report(error);
  }
}

/** One BullMQ worker per queue. */
@Processor(QueueName.Maintenance, { concurrency: 2 })
export class MaintenanceProcessor extends DispatchingProcessor {}

/** Outbox wake-ups and sweeps; sends are I/O-bound, and claims keep concurrent jobs apart. */
@Processor(QueueName.Mail, { concurrency: 4 })
export class MailProcessor extends DispatchingProcessor {}

/** The reminder sweep: one at a time per worker (several workers are kept apart by SKIP LOCKED claims). */
@Processor(QueueName.Reminders, { concurrency: 1 })
export class RemindersProcessor extends DispatchingProcessor {}

export const QUEUE_PROCESSORS = [MaintenanceProcessor, MailProcessor, RemindersProcessor];
