import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { JobsOptions, Queue } from 'bullmq';
import { ALL_QUEUE_NAMES, JOB_QUEUE, type JobName, type JobPayloads, type QueueName } from './job-names';
import { RedisErrorReporter } from './redis-error-reporter';

/** Typed access to the queues: enqueue a job by name with its payload type checked. */
@Injectable()
export class JobQueues implements OnModuleInit, OnModuleDestroy {
  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of ALL_QUEUE_NAMES) this.queue(name).on('error', new RedisErrorReporter(`queue ${name}`).report);
  }

  /**
   * A queue closed while its connection is still being set up rejects with "Connection is closed"
   * (taskforcesh/bullmq#2385): short-lived contexts such as the demo seed close within milliseconds
   * of starting. Let each queue finish connecting first (bounded, so a Redis outage cannot hold
   * shutdown), before the Bull module closes them.
   */
  async onModuleDestroy(): Promise<void> {
    const settle = Promise.allSettled(this.all().map((q) => q.waitUntilReady()));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([settle, new Promise((resolve) => (timer = setTimeout(resolve, 2000)))]);
    clearTimeout(timer);
  }

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
