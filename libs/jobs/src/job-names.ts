/**
 * Every background job of the platform. Payloads carry ids only;
 * handlers re-read rows, because BullMQ delivers at least once and Redis is transport, not truth.
 */
export enum QueueName {
  Maintenance = 'maintenance',
  Mail = 'mail',
  Reminders = 'reminders',
}

export enum JobName {
  Heartbeat = 'heartbeat',
  AuditSeal = 'audit-seal',
  /** Wakes the outbox drain for one row (jobId = the row id). */
  OutboxDrain = 'outbox-drain',
  /** Recurring: sends every due outbox row, so nothing depends on a wake-up surviving in Redis. */
  OutboxSweep = 'outbox-sweep',
  /** Recurring: passes deadlines whose day ended and turns due reminders into outbox rows. */
  ReminderSweep = 'reminder-sweep',
  /** Recurring: stages the secretariat's weekly digest once its moment has passed (once per week, deduplicated). */
  WeeklyDigest = 'weekly-digest',
}

export interface JobPayloads {
  [JobName.Heartbeat]: Record<string, never>;
  [JobName.AuditSeal]: Record<string, never>;
  [JobName.OutboxDrain]: { outboxId: string };
  [JobName.OutboxSweep]: Record<string, never>;
  [JobName.ReminderSweep]: Record<string, never>;
  [JobName.WeeklyDigest]: Record<string, never>;
}

export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  [JobName.Heartbeat]: QueueName.Maintenance,
  [JobName.AuditSeal]: QueueName.Maintenance,
  [JobName.OutboxDrain]: QueueName.Mail,
  [JobName.OutboxSweep]: QueueName.Mail,
  [JobName.ReminderSweep]: QueueName.Reminders,
  [JobName.WeeklyDigest]: QueueName.Maintenance,
};

export const ALL_JOB_NAMES: readonly JobName[] = Object.values(JobName);
export const ALL_QUEUE_NAMES: readonly QueueName[] = Object.values(QueueName);
