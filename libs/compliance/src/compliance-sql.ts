/**
 * The full computation: what the dashboard's read model (`evaluation_compliance`, kept by triggers)
 * must always equal. The dashboard reads the read model; this statement stays as the reference
 * (tests compare the two) and for reports that want the figures inside their own transaction.
 *
 * The compliance rows in one statement: status
 * columns and counts only — the submission's answer document is never read (it is TOASTed and
 * not selected). Every join follows an index: state_evaluation by round or state, submission by
 * (evaluation, version), reminder by its key's leading deadline_id, extension and clarification
 * requests by evaluation. `$1` is the round id or state code, `$2` the clock's now (never SQL now()).
 */
export type ComplianceScope = 'round' | 'state';

const rowsSql = (scope: ComplianceScope): string => `
  SELECT e.id AS evaluation_id, e.round_id, r.name AS round_name, r.kind AS round_kind, r.number AS round_number, r.phase AS round_phase,
         e.state_code, sp.name_en, sp.name_es, sp.name_fr, sp.name_pt, e.status,
         to_char(d.due_date, 'YYYY-MM-DD') AS due_date, d.version AS deadline_version, d.status AS deadline_status,
         x.extensions, s.submitted_at, s.on_time, s.days_late, v.versions,
         CASE WHEN s.evaluation_id IS NULL AND d.id IS NOT NULL
              THEN GREATEST(0, ($2::timestamptz AT TIME ZONE d.time_zone)::date - d.due_date) END AS days_overdue,
         rem.reminders_sent, c.clarifications, c.open_clarifications, r.created_at AS round_created_at
    FROM state_evaluation e
    JOIN round r ON r.id = e.round_id
    JOIN state_party sp ON sp.code = e.state_code
    LEFT JOIN deadline d ON d.id = e.response_deadline_id
    LEFT JOIN submission s ON s.evaluation_id = e.id AND s.version_number = 1
    LEFT JOIN LATERAL (SELECT count(*)::int AS extensions FROM extension_request q WHERE q.evaluation_id = e.id AND q.status = 'approved') x ON true
    LEFT JOIN LATERAL (SELECT coalesce(max(t.version_number), 0)::int AS versions FROM submission t WHERE t.evaluation_id = e.id) v ON true
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS reminders_sent FROM reminder m
       WHERE m.deadline_id = e.response_deadline_id AND m.status = 'queued' AND m.processed_at < coalesce(s.submitted_at, $2::timestamptz)
    ) rem ON true
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS clarifications, (count(*) FILTER (WHERE k.answered_at IS NULL))::int AS open_clarifications
        FROM clarification_request k WHERE k.evaluation_id = e.id
    ) c ON true
   WHERE ${scope === 'round' ? 'e.round_id = $1::uuid' : 'e.state_code = $1'}`;

/**
 * Rows and totals in one round trip; the CTE is materialised once and read twice. For a round, the
 * round itself and the failed-mail alert ride along, so the dashboard is one statement after the clock.
 */
export const complianceSql = (scope: ComplianceScope): string => `
  WITH rows AS MATERIALIZED (${rowsSql(scope)})
  SELECT (SELECT coalesce(json_agg(rows ORDER BY ${scope === 'round' ? 'state_code' : 'round_created_at, round_number'}), '[]'::json) FROM rows) AS rows,
         (SELECT json_build_object(
            'states', count(*),
            'responded', count(submitted_at),
            'onTime', count(*) FILTER (WHERE on_time),
            'late', count(*) FILTER (WHERE NOT on_time),
            'overdue', count(*) FILTER (WHERE days_overdue > 0),
            'meanDaysLate', avg(days_late) FILTER (WHERE days_late > 0),
            'medianDaysLate', percentile_cont(0.5) WITHIN GROUP (ORDER BY days_late) FILTER (WHERE days_late > 0)
          ) FROM rows) AS totals${
            scope === 'round'
              ? `,
         (SELECT json_build_object('id', r.id, 'name', r.name, 'kind', r.kind, 'number', r.number, 'phase', r.phase) FROM round r WHERE r.id = $1::uuid) AS round,
         (SELECT count(*)::int FROM outbox_message WHERE status = 'failed') AS failed_mails`
              : ''
          }`;
