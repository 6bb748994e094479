import { Type } from '@sinclair/typebox';
import { MAIL_KINDS, OUTBOX_STATUSES, type MailKind, type OutboxListFilter, type OutboxStatus } from '@mesecvi/mail';

/** The query string of `GET /outbox` as it arrives (every value a string, `limit` coerced). */
export interface OutboxRawQuery {
  kind?: MailKind;
  recipient?: string;
  stateCode?: string;
  roundId?: string;
  status?: OutboxStatus;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export const OUTBOX_DEFAULT_LIMIT = 50;
export const OUTBOX_MAX_LIMIT = 200;

const isoDate = { type: 'string', anyOf: [{ format: 'date' }, { format: 'date-time' }] };

/** The query's parameters as written, which the controller documents one by one. */
export const outboxQueryJson = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: [...MAIL_KINDS] },
    recipient: { type: 'string', minLength: 1, maxLength: 320 },
    stateCode: { type: 'string', pattern: '^[A-Z]{3}$' },
    roundId: { type: 'string', format: 'uuid' },
    status: { type: 'string', enum: [...OUTBOX_STATUSES] },
    from: isoDate,
    to: isoDate,
    limit: { type: 'integer', minimum: 1, maximum: OUTBOX_MAX_LIMIT, default: OUTBOX_DEFAULT_LIMIT },
    cursor: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,200}$' },
  },
} as const;
/** One schema both validates the query and documents it in OpenAPI. */
export const outboxQuerySchema = Type.Unsafe<OutboxRawQuery>(outboxQueryJson);

/** Plain-English messages per parameter, so a 422 names the parameter and what it accepts. */
export const OUTBOX_QUERY_MESSAGES: Record<keyof typeof outboxQueryJson.properties, string> = {
  kind: `kind must be one of ${MAIL_KINDS.join(', ')}`,
  recipient: 'recipient must be a non-empty string of at most 320 characters',
  stateCode: 'stateCode must be a three-letter state code in capitals (e.g. HTI)',
  roundId: 'roundId must be the id (a uuid) of a round',
  status: `status must be one of ${OUTBOX_STATUSES.join(', ')}`,
  from: 'from must be an ISO 8601 date (2026-01-31) or date-time with a zone (2026-01-31T12:00:00Z)',
  to: 'to must be an ISO 8601 date (2026-01-31) or date-time with a zone (2026-01-31T12:00:00Z)',
  limit: `limit must be an integer from 1 to ${OUTBOX_MAX_LIMIT}`,
  cursor: 'cursor must be a value returned as nextCursor',
};

export type OutboxQuery = OutboxListFilter;
