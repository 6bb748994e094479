import type { ReminderStatus } from '../deadline-vocabulary';

/**
 * What became of a reminder, as a person reads it: `planned` (not yet due), `sending` (taken by
 * the sweep, or its mails not all through yet), `sent` (every mail accepted by the SMTP server),
 * `failed` (a mail gave up), `skipped` (nobody holds the role), `superseded` (moved, stale or
 * replaced by a later rule: never sent), `cancelled` (the deadline was closed).
 */
export const REMINDER_MAIL_STATUSES = [
  'planned',
  'sending',
  'sent',
  'failed',
  'skipped',
  'superseded',
  'cancelled',
] as const;
export type ReminderMailStatus = (typeof REMINDER_MAIL_STATUSES)[number];

/**
 * One status per reminder: the sweep's own word until it wrote mails, then the state of those
 * mails (a `queued` reminder whose mail went out reads `sent`, not `queued`).
 */
export function reminderMailStatus(
  status: ReminderStatus,
  deliveries: ReadonlyArray<{ status: string }>,
): ReminderMailStatus {
  if (status === 'planned') return 'planned';
  if (status === 'claimed') return 'sending';
  if (status !== 'queued') return status;
  if (deliveries.length === 0) return 'skipped';
  if (deliveries.some((d) => d.status === 'failed')) return 'failed';
  if (deliveries.some((d) => d.status === 'pending' || d.status === 'sending')) return 'sending';
  if (deliveries.every((d) => d.status === 'cancelled')) return 'cancelled';
  return 'sent';
}
