/**
 * Where a staged mail is in its life; `sent` means the SMTP server answered 250, not "delivered".
 * `skipped` is a ledger entry for a notification nobody could receive (e.g. a state without an
 * active focal point): recorded, never sent, and it has no recipient address.
 */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled', 'skipped'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * What a mail is about, for the ledger and its filters. A new kind of notification adds its name
 * here, so the secretariat's filter and the database agree on the vocabulary.
 */
export const MAIL_KINDS = [
  'invitation',
  'password_reset',
  'reminder',
  'appointment_request',
  'distribution',
  'extension',
  'submission',
  'digest',
  'report',
  'alert',
  'review',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
