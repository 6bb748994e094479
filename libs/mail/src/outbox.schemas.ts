import { Type, type Static } from '@sinclair/typebox';
import { Closed, DateTime, LANGUAGES, Nullable, StringEnum } from '@mesecvi/http';
import { OUTBOX_STATUSES } from './outbox-status';

/** A row of the notification ledger: who was sent what, when, and how it went. */
export const OutboxMessageViewSchema = Closed({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String({ example: 'deadline_reminder' }),
  template: Type.String(),
  language: StringEnum(LANGUAGES, { example: 'es' }),
  recipient: Closed({
    address: Nullable(Type.String()),
    name: Nullable(Type.String()),
    userId: Nullable(Type.String({ format: 'uuid' })),
    role: Nullable(Type.String()),
  }),
  stateCode: Nullable(Type.String({ example: 'ARG' })),
  related: Nullable(Closed({ type: Type.String(), id: Type.String() })),
  status: StringEnum(OUTBOX_STATUSES, { example: 'sent' }),
  attempts: Type.Integer({ minimum: 0 }),
  nextAttemptAt: DateTime(),
  messageId: Type.String(),
  smtpResponse: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
  createdAt: DateTime(),
  sentAt: Nullable(DateTime()),
  updatedAt: DateTime(),
});
export type OutboxMessageView = Static<typeof OutboxMessageViewSchema>;

/** A page of ledger rows, newest first. */
export const OutboxPageSchema = Closed({
  items: Type.Array(OutboxMessageViewSchema),
  nextCursor: Nullable(Type.String({ description: 'Pass as `cursor` to get the next page; null on the last one' })),
});
export type OutboxPage = Static<typeof OutboxPageSchema>;
