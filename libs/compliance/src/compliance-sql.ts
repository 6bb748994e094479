import { LANGUAGES, type Language } from '@mesecvi/http';

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

/** One statement text per language (a round's read-model row holds its rows in each: `round_compliance.docs_<language>`). */
const perLanguage = (sql: (language: Language) => string): Readonly<Record<Language, string>> =>
  Object.fromEntries(LANGUAGES.map((l) => [l, sql(l)])) as Record<Language, string>;

/** A read-model row's doc with the state's name in one language appended (as `round_compliance_rebuild` writes it). */
const docWithName = (name: string): string => `left(c.doc, -1) || ',' || to_json(${name})::text || ']'`;

/**
 * A round in one row by two primary keys: the round, the failed-mail count, the read model's
 * `stamp` (its generation) and `seq` (its change count, as text), and the round's rows in one
 * language as JSON text — whichever part the reader lacks. `$2` and `$3` are the stamp and seq the
 * reader holds the rows parsed for (null, null when it holds none):
 * - `docs`: the whole trigger-kept text `round_compliance.docs_<language>`, when the stamp differs
 *   (or the count went backwards: a restored backup);
 * - `changed`: only the rows recomputed since `$3` (index range on `(round_id, change_seq)`), when
 *   the stamp matches and the round changed since;
 * - both null when the reader is current: no text is detoasted or sent.
 * Stamp and docs are null before the round has evaluations; no row when the round does not exist.
 * `$2` and `$3` reach the comparisons only through a materialised CTE: the planner never sees their
 * values, so a call's custom plan costs what the generic plan costs and PostgreSQL settles on the
 * generic plan after five calls. Seen by the values (a NULL drops the `changed` branch; a known
 * `$3` narrows the index range's estimate) the custom plans looked cheaper, and the named statement
 * was re-planned on every call (measured: 0.4 ms more per read).
 */
export const ROUND_SUMMARY_SQL: Readonly<Record<Language, string>> = perLanguage(
  (language) => `
  WITH held AS MATERIALIZED (SELECT coalesce($2::uuid, '00000000-0000-0000-0000-000000000000') AS stamp, coalesce($3::bigint, -1) AS seq)
  SELECT r.id, r.name, r.kind, r.number, r.phase,
         (SELECT count(*)::int FROM outbox_message WHERE status = 'failed') AS failed_mails,
         rc.stamp, rc.seq::text AS seq,
         CASE WHEN rc.stamp = held.stamp AND rc.seq >= held.seq THEN NULL ELSE rc.docs_${language} END AS docs,
         CASE WHEN rc.stamp = held.stamp AND rc.seq > held.seq THEN (
           -- the name by one key lookup per changed row (a scalar subquery is never turned into a
           -- join): usually one row, where hashing every state party cost 0.1 ms
           SELECT '[' || string_agg(${docWithName(`(SELECT sp.name_${language} FROM state_party sp WHERE sp.code = c.state_code)`)}, ',') || ']'
             FROM evaluation_compliance c
            WHERE c.round_id = r.id AND c.change_seq > held.seq) END AS changed
    FROM held, round r
    LEFT JOIN round_compliance rc ON rc.round_id = r.id
   WHERE r.id = $1::uuid`,
);

/**
 * A state's rows across rounds from the read model, oldest round first, each doc with the state's
 * name in one language appended (as `round_compliance_rebuild` does). `$1` is the state code.
 */
export const STATE_SUMMARY_SQL: Readonly<Record<Language, string>> = perLanguage(
  (language) => `
  SELECT r.id AS round_id, r.name AS round_name, r.kind AS round_kind, r.number AS round_number, r.phase AS round_phase,
         ${docWithName(`sp.name_${language}`)} AS doc
    FROM evaluation_compliance c
    JOIN round r ON r.id = c.round_id
    JOIN state_party sp ON sp.code = c.state_code
   WHERE c.state_code = $1
   ORDER BY r.created_at, r.number`,
);
