import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Job } from 'bullmq';
import { ALL_JOB_NAMES, type JobName } from '@mesecvi/jobs';
import { JOB_HANDLER, type JobHandler } from './job-handler.decorator';

export class JobRegistryError extends Error {}

/**
 * Maps job names to handlers. Start-up fails when a job name has no handler or two, so a job
 * can never sit in a queue that nothing processes.
 */
@Injectable()
export class JobHandlerRegistry implements OnApplicationBootstrap {
  private readonly handlers = new Map<JobName, JobHandler>();

  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const name = Reflect.getMetadata(JOB_HANDLER, metatype) as JobName | undefined;
      if (!name) continue;
      if (this.handlers.has(name)) throw new JobRegistryError(`Two handlers for job "${name}"`);
      this.handlers.set(name, instance as JobHandler);
    }
    assertComplete([...this.handlers.keys()]);
  }

  async dispatch(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new JobRegistryError(`No handler for job "${job.name}"`);
    return handler.handle(job.data as never, job as never);
  }
}

export function assertComplete(registered: readonly JobName[], all: readonly JobName[] = ALL_JOB_NAMES): void {
  const missing = all.filter((n) => !registered.includes(n));
  if (missing.length > 0) throw new JobRegistryError(`No handler registered for job(s): ${missing.join(', ')}`);
}
