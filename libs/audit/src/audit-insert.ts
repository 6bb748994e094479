/**
 * The one INSERT of an audit event, as SQL text. `AuditService.record` runs it with bound values;
 * a repository that writes its change in a single statement embeds it as a data-modifying CTE
 * (`audit AS (…)`) with expressions over that statement's own CTEs, so both write the same columns
 * and the worker seals either row alike.
 */
export interface AuditInsertColumns {
  /** SQL expressions, e.g. `$4` or `upd.version`. */
  at: string;
  actorUserId: string;
  actorRole: string;
  entityType: string;
  entityId: string;
  /** A jsonb expression, ids and field names only. */
  summary: string;
  requestId: string;
  /** Rows to insert from (`FROM upd` inserts one event per row written); none inserts one. */
  from?: string;
}

/** `<entity>.<verb>` in snake_case, e.g. `state_party.updated`. */
export const AUDIT_ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/** `action` is a value, not an expression: checked and written as a literal (or a parameter like `$4`). */
export function auditInsertSql(action: string, columns: AuditInsertColumns): string {
  const value = /^\$\d+$/.test(action) ? action : literalAction(action);
  const values = [
    columns.at,
    columns.actorUserId,
    columns.actorRole,
    value,
    columns.entityType,
    columns.entityId,
    columns.summary,
    columns.requestId,
  ].join(', ');
  return `INSERT INTO audit_event (occurred_at, actor_user_id, actor_role, action, entity_type, entity_id, summary, request_id)
  ${columns.from === undefined ? `VALUES (${values})` : `SELECT ${values} FROM ${columns.from}`}`;
}

function literalAction(action: string): string {
  if (!AUDIT_ACTION.test(action)) throw new Error(`audit action "${action}" must look like entity.verb`);
  return `'${action}'`;
}
