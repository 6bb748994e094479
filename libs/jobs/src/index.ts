export { JobName, QueueName, JOB_QUEUE, ALL_JOB_NAMES, ALL_QUEUE_NAMES, type JobPayloads } from './job-names';
export { redisOptionsFromUrl, redisReady } from './redis-connection';
export { JobsModule } from './jobs.module';
export { JobQueues } from './job-queues.service';
export { WorkerHeartbeat } from './worker-heartbeat.entity';
export { RedisErrorReporter } from './redis-error-reporter';
