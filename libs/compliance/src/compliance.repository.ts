import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { namedStatement } from '@mesecvi/database';
import { LANGUAGES, type Language } from '@mesecvi/http';
import type { ComplianceDoc, ComplianceRow } from './compliance.view';

/**
 * Every statement that reads the compliance read model (tables `evaluation_compliance` and
 * `round_compliance`, kept by triggers: decision 0009), and the one place its stored rows are
 * given names. The full computation the triggers run is `complianceSql` (compliance-sql.ts).
 */

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

/**
 * The order in which the trigger function writes a row's figures into its `doc` array (migration
 * EvaluationCompliance: a compact array, as a round's text repeats it for every state), the
 * state's name appended by the statements above. Names are given here, once, as rows are read.
 */
const DOC_FIELDS = [
  'evaluationId',
  'stateCode',
  'status',
  'dueDate',
  'deadlineVersion',
  'deadlineStatus',
  'timeZone',
  'extensions',
  'submittedAt',
  'onTime',
  'daysLate',
  'remindersSent',
  'versions',
  'clarifications',
  'openClarifications',
  'stateName',
] as const satisfies ReadonlyArray<keyof ComplianceDoc>;

/** Does not compile while a field of ComplianceDoc has no place in DOC_FIELDS. */
type Unnamed = Exclude<keyof ComplianceDoc, (typeof DOC_FIELDS)[number]>;
const EVERY_FIELD_NAMED: [Unnamed] extends [never] ? true : never = true;
void EVERY_FIELD_NAMED;

/** Names a stored doc's values (an array in DOC_FIELDS order). */
export function namedDoc(values: readonly unknown[]): ComplianceDoc {
  const doc: Record<string, unknown> = {};
  DOC_FIELDS.forEach((field, i) => (doc[field] = values[i] ?? null));
  return doc as unknown as ComplianceDoc;
}

/** A JSON text of stored docs (`[[…], …]`, as the statements above send it), named. */
export function parseComplianceDocs(text: string): ComplianceDoc[] {
  return (JSON.parse(text) as unknown[][]).map(namedDoc);
}

/** A round's read-model row as the round summary answers it: whichever part the reader lacked. */
export interface RoundSummary {
  round: ComplianceRow['round'];
  failedMails: number;
  /** The read model's generation and change count; null before the round has evaluations. */
  stamp: string | null;
  seq: string | null;
  /** Every row, when the reader's generation is not the current one. */
  docs: ComplianceDoc[] | null;
  /** The rows changed since the reader's change count (same generation); null when none. */
  changed: ComplianceDoc[] | null;
}

interface RoundSummaryRow {
  id: string;
  name: string;
  kind: string;
  number: number;
  phase: string;
  failed_mails: number;
  stamp: string | null;
  seq: string | null;
  docs: string | null;
  changed: string | null;
}

interface StateSummaryRow {
  round_id: string;
  round_name: string;
  round_kind: string;
  round_number: number;
  round_phase: string;
  doc: string;
}

@Injectable()
export class ComplianceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A round's summary for a reader holding its rows at `held` (stamp and seq; none when it holds
   * nothing). Named per language: planned once per pooled connection (planning was a third of the
   * statement's time). Undefined when the round does not exist.
   */
  async roundSummary(
    roundId: string,
    language: Language,
    held: { stamp: string; seq: string } | undefined,
  ): Promise<RoundSummary | undefined> {
    const rows: RoundSummaryRow[] = await this.dataSource.query(
      namedStatement(`compliance_round_v4_${language}`, ROUND_SUMMARY_SQL[language]),
      [roundId, held?.stamp ?? null, held?.seq ?? null],
    );
    const row = rows[0];
    if (row === undefined) return undefined;
    return {
      round: { id: row.id, name: row.name, kind: row.kind, number: row.number, phase: row.phase },
      failedMails: row.failed_mails,
      stamp: row.stamp,
      seq: row.seq,
      docs: row.docs === null ? null : parseComplianceDocs(row.docs),
      changed: row.changed === null ? null : parseComplianceDocs(row.changed),
    };
  }

  /** A state party's name in one language; undefined when there is no such state. */
  async stateName(stateCode: string, language: Language): Promise<string | undefined> {
    const rows: Array<{ name: string }> = await this.dataSource.query(
      `SELECT name_${language} AS name FROM state_party WHERE code = $1`,
      [stateCode],
    );
    return rows[0]?.name;
  }

  /** A state's rows across rounds, oldest round first, each with its round. */
  async stateSummary(
    stateCode: string,
    language: Language,
  ): Promise<Array<{ round: ComplianceRow['round']; doc: ComplianceDoc }>> {
    const rows: StateSummaryRow[] = await this.dataSource.query(STATE_SUMMARY_SQL[language], [stateCode]);
    return rows.map((r) => ({
      round: { id: r.round_id, name: r.round_name, kind: r.round_kind, number: r.round_number, phase: r.round_phase },
      doc: namedDoc(JSON.parse(r.doc) as unknown[]),
    }));
  }
}
