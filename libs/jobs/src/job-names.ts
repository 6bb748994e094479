/**
 * Every background job of the platform (DESIGN §3 "Jobs are typed"). Payloads carry ids only;
 * handlers re-read rows, because BullMQ delivers at least once and Redis is transport, not truth.
 */
export enum QueueName {
  Maintenance = 'maintenance',
}

export enum JobName {
  Heartbeat = 'heartbeat',
}

export interface JobPayloads {
  [JobName.Heartbeat]: Record<string, never>;
}

export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.Heartbeat]: QueueName.Maintenance,
};

export const ALL_JOB_NAMES: readonly JobName[] = Object.values(JobName);
export const ALL_QUEUE_NAMES: readonly QueueName[] = Object.values(QueueName);
