import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { JobsOptions, Queue } from 'bullmq';
import { ALL_QUEUE_NAMES, JOB_QUEUE, type JobName, type JobPayloads, type QueueName } from './job-names';

/** Typed access to the queues: enqueue a job by name with its payload type checked. */
@Injectable()
export class JobQueues {
  constructor(private readonly moduleRef: ModuleRef) {}

  queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  all(): Queue[] {
    return ALL_QUEUE_NAMES.map((n) => this.queue(n));
  }

  /** Call only after the transaction that made the job necessary has committed. */
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options?: JobsOptions): Promise<void> {
    await this.queue(JOB_QUEUE[name]).add(name, payload, options);
  }

  /** Depth per queue and state, for metrics and the queue-drain helper of the tests. */
  async depths(): Promise<Array<{ queue: QueueName; counts: Record<string, number> }>> {
    return Promise.all(
      ALL_QUEUE_NAMES.map(async (queue) => ({
        queue,
        counts: await this.queue(queue).getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized'),
      })),
    );
  }
}
