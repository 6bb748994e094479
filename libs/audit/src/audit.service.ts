import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AUDIT_LIST_MAX_LIMIT,
  type AuditEventPage,
  type AuditEventView,
  type AuditFilters,
  type AuditPageRequest,
  type AuditRecord,
} from './audit-record';
import { AUDIT_ACTION, auditInsertSql } from './audit-insert';

/** `record`'s statement: the values are bound parameters. */
const RECORD_SQL = `${auditInsertSql('$4', {
  at: '$1',
  actorUserId: '$2',
  actorRole: '$3',
  entityType: '$5',
  entityId: '$6',
  summary: '$7::jsonb',
  requestId: '$8',
})} RETURNING id`;
/** Summaries are ids and field names; anything this large is a mistake (or personal data). */
const MAX_SUMMARY_BYTES = 8192;

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  summary: Record<string, unknown>;
  request_id: string | null;
  seal_seq: string | null;
  hash: string | null;
}

/** Misuse by a calling service is a programming error (a 500), not the API client's fault. */
function assertRecordable(manager: EntityManager, event: AuditRecord): string {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(
      "AuditService.record needs the business transaction's EntityManager, so both commit or roll back together",
    );
  }
  if (!AUDIT_ACTION.test(event.action)) throw new Error(`audit action "${event.action}" must look like entity.verb`);
  if (event.entity.type.length === 0 || event.entity.id.length === 0)
    throw new Error('audit entity type and id are required');
  if (Number.isNaN(event.at.getTime())) throw new Error('audit event time is invalid');
  const summary = JSON.stringify(event.summary ?? {});
  if (Buffer.byteLength(summary, 'utf8') > MAX_SUMMARY_BYTES)
    throw new Error(`audit summary over ${MAX_SUMMARY_BYTES} bytes`);
  return summary;
}

function toView(row: AuditRow): AuditEventView {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actor:
      row.actor_user_id === null && row.actor_role === null
        ? null
        : { userId: row.actor_user_id, role: row.actor_role },
    action: row.action,
    entity: { type: row.entity_type, id: row.entity_id },
    summary: row.summary,
    requestId: row.request_id,
    seal: row.seal_seq !== null && row.hash !== null ? { seq: row.seal_seq, hash: row.hash } : null,
  };
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends one event with the caller's transaction, so it commits or rolls back with the
   * business change. No lock is taken: the worker seals committed rows into the chain later.
   */
  async record(manager: EntityManager, event: AuditRecord): Promise<string> {
    const summary = assertRecordable(manager, event);
    const rows: Array<{ id: string }> = await manager.query(RECORD_SQL, [
      event.at,
      event.actor?.userId ?? null,
      event.actor?.role ?? null,
      event.action,
      event.entity.type,
      event.entity.id,
      summary,
      event.requestId ?? null,
    ]);
    return String(rows[0].id);
  }

  /** Newest first, keyset-paginated on id; every filter is backed by an index. */
  async list(filters: AuditFilters, page: AuditPageRequest): Promise<AuditEventPage> {
    const limit = Math.min(Math.max(Math.trunc(page.limit), 1), AUDIT_LIST_MAX_LIMIT);
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown): void => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filters.entityType !== undefined) add('entity_type = ?', filters.entityType);
    if (filters.entityId !== undefined) add('entity_id = ?', filters.entityId);
    if (filters.actorUserId !== undefined) add('actor_user_id = ?', filters.actorUserId);
    if (filters.action !== undefined) add('action = ?', filters.action);
    if (filters.from !== undefined) add('occurred_at >= ?', filters.from);
    if (filters.to !== undefined) add('occurred_at < ?', filters.to);
    if (page.before !== undefined) add('id < ?', page.before);
    params.push(limit + 1);
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT id, occurred_at, actor_user_id, actor_role, action, entity_type, entity_id, summary, request_id, seal_seq, hash
       FROM audit_event ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    const items = rows.slice(0, limit).map(toView);
    return { items, nextBefore: rows.length > limit ? items[items.length - 1].id : null };
  }
}
