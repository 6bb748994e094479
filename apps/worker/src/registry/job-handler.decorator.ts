import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from '@mesecvi/jobs';

export const JOB_HANDLER = 'mesecvi:job-handler';

/** Marks a provider as the handler of one job name; the registry finds it at start-up. */
export const HandlesJob = (name: JobName): ClassDecorator => SetMetadata(JOB_HANDLER, name);

export interface JobHandler<N extends JobName = JobName> {
  handle(payload: JobPayloads[N], job: Job<JobPayloads[N]>): Promise<unknown>;
}
