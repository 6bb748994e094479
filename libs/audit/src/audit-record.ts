import type { Caller } from '@mesecvi/http';

/** What a service hands to `AuditService.record`, inside its own transaction. */
export interface AuditRecord {
  /** Who acted; null when the platform itself did (a scheduled job, a deadline passing). */
  actor: Caller | null;
  /** `<entity>.<verb>` in snake_case, e.g. `state_party.updated`. */
  action: string;
  entity: { type: string; id: string };
  /** Ids and field names only (e.g. `{ fields: ['workingLanguage'] }`), never personal data. */
  summary?: Record<string, unknown>;
  requestId?: string | null;
  /** The clock's time for the business change this event belongs to. */
  at: Date;
}

/** An audit event as the listing returns it. */
export interface AuditEventView {
  id: string;
  occurredAt: string;
  actor: { userId: string | null; role: string | null } | null;
  action: string;
  entity: { type: string; id: string };
  summary: Record<string, unknown>;
  requestId: string | null;
  /** Null until the worker has sealed the row into the hash chain (seconds after commit). */
  seal: { seq: string; hash: string } | null;
}

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  action?: string;
  /** Inclusive lower bound on `occurredAt`. */
  from?: Date;
  /** Exclusive upper bound on `occurredAt`. */
  to?: Date;
}

export interface AuditPageRequest {
  limit: number;
  /** Cursor: only events with an id below this one (the `nextBefore` of the previous page). */
  before?: string;
}

export interface AuditEventPage {
  items: AuditEventView[];
  /** Pass as `before` to get the next (older) page; null on the last page. */
  nextBefore: string | null;
}

export const AUDIT_LIST_MAX_LIMIT = 200;
