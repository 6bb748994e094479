import { Type } from '@sinclair/typebox';
import type { AuditFilters, AuditPageRequest } from '@mesecvi/audit';
import { AUDIT_LIST_MAX_LIMIT } from '@mesecvi/audit';

/** The query string of `GET /audit-events` as it arrives (every value a string). */
export interface AuditEventsRawQuery {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  action?: string;
  from?: string;
  to?: string;
  limit?: number;
  before?: string;
}

export interface AuditEventsQuery {
  filters: AuditFilters;
  page: AuditPageRequest;
}

export const AUDIT_EVENTS_DEFAULT_LIMIT = 50;

const isoDate = { type: 'string', anyOf: [{ format: 'date' }, { format: 'date-time' }] };

/** The query's parameters as written, which the controller documents one by one. */
export const auditEventsQueryJson = {
  type: 'object',
  additionalProperties: false,
  properties: {
    entityType: { type: 'string', minLength: 1, maxLength: 100 },
    entityId: { type: 'string', minLength: 1, maxLength: 200 },
    actorUserId: { type: 'string', format: 'uuid' },
    action: { type: 'string', minLength: 1, maxLength: 100 },
    from: isoDate,
    to: isoDate,
    limit: { type: 'integer', minimum: 1, maximum: AUDIT_LIST_MAX_LIMIT, default: AUDIT_EVENTS_DEFAULT_LIMIT },
    // A bigint id: at most 19 digits; the pipe also checks it fits PostgreSQL's bigint.
    before: { type: 'string', pattern: '^[1-9][0-9]{0,18}$' },
  },
} as const;
/** One schema both validates the query and documents it in OpenAPI. */
export const auditEventsQuerySchema = Type.Unsafe<AuditEventsRawQuery>(auditEventsQueryJson);

/** Plain-English messages per parameter, so a 422 names the parameter and what it accepts. */
export const AUDIT_QUERY_MESSAGES: Record<string, string> = {
  entityType: 'entityType must be a non-empty string of at most 100 characters',
  entityId: 'entityId must be a non-empty string of at most 200 characters',
  actorUserId: 'actorUserId must be a UUID',
  action: 'action must be a non-empty string of at most 100 characters',
  from: 'from must be an ISO 8601 date (2026-01-31) or date-time with a zone (2026-01-31T12:00:00Z)',
  to: 'to must be an ISO 8601 date (2026-01-31) or date-time with a zone (2026-01-31T12:00:00Z)',
  limit: `limit must be an integer from 1 to ${AUDIT_LIST_MAX_LIMIT}`,
  before: 'before must be an audit event id (the nextBefore of the previous page)',
};
