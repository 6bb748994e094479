import type { EntityManager } from 'typeorm';
import { complianceSql } from '@mesecvi/compliance';
import { DomainError } from '@mesecvi/errors';
import { isUuid } from '@mesecvi/http';
import { CONVENTION_ARTICLES, THEMES } from '@mesecvi/questionnaires';

/** A recommendation the committee has not rated (up to this round, for a follow-up round). */
export const NOT_YET_RATED = 'not_yet_rated';

/** Recommendations per status value (every value of `statusValues`, zeros included). */
export type StatusCounts = Record<string, number>;

/** One line of the report: all recommendations, one theme, or one Convention article. */
export interface HemisphericLine {
  key: string;
  /** Adopted recommendations (under follow-up, for a follow-up round). */
  issued: number;
  /** Of those, closed by their rating (their latest up to this round, for a follow-up round). */
  closed: number;
  statuses: StatusCounts;
  /** Follow-up rounds: the distribution at the evaluation round (nothing rated yet), and after − before per value. */
  before: StatusCounts | null;
  change: StatusCounts | null;
}

export interface HemisphericResponses {
  /** State evaluations of the round (states the questionnaire was distributed to). */
  invited: number;
  responded: number;
  /** As the compliance view counts them: the first submission (version 1), on time or late; never = no submission. */
  onTime: number;
  late: number;
  never: number;
  states: { onTime: string[]; late: string[]; never: string[] };
}

export interface HemisphericFigures {
  round: { id: string; name: string; kind: 'evaluation' | 'follow_up'; number: number; phase: string };
  /** For a follow-up round: the evaluation round whose recommendations it follows up. */
  evaluationRound: { id: string; name: string; number: number } | null;
  /** When the figures were computed (the clock's now); for an adopted report, the adoption. */
  asOf: string;
  statusValues: string[];
  total: HemisphericLine;
  /** Every theme, in the questionnaire's order. */
  byTheme: HemisphericLine[];
  /** Every Convention article, in order; a recommendation citing two articles counts under both. */
  byArticle: HemisphericLine[];
  responses: HemisphericResponses;
}

interface RoundRow {
  id: string;
  name: string;
  kind: 'evaluation' | 'follow_up';
  number: number;
  phase: string;
  er_id: string | null;
  er_name: string | null;
  er_number: number | null;
}

/** The columns of a compliance row this report reads. */
interface ComplianceRowPart {
  state_code: string;
  submitted_at: string | null;
  on_time: boolean | null;
}

interface CellRow {
  dim: 'total' | 'theme' | 'article';
  key: string;
  status: string;
  issued: number;
  closed: number;
}

/**
 * Adopted recommendations counted per (theme | article | all) × status, in one statement. For an
 * evaluation round the status is the register's latest rating; for a follow-up round it is the
 * latest rating recorded in the follow-up rounds of the same evaluation round up to this one (only
 * `value`, the committee's decision — a rapporteurs' proposal alone is not a rating), over the
 * evaluation round's recommendations: a recommendation closed in the first follow-up round is not
 * asked again in the second, and still counts there as closed, under its rating.
 */
const RECOMMENDATION_CELLS_SQL = `
  WITH rd AS (SELECT id, kind, number, coalesce(evaluation_round_id, id) AS source_round_id FROM round WHERE id = $1::uuid),
  recs AS MATERIALIZED (
    SELECT r.theme, r.articles,
           CASE WHEN rd.kind = 'follow_up' THEN fr.value ELSE r.compliance_status END AS status,
           CASE WHEN rd.kind = 'follow_up' THEN coalesce(fr.closes, false) ELSE r.closed END AS closed
      FROM rd
      JOIN state_evaluation e ON e.round_id = rd.source_round_id
      JOIN recommendation r ON r.evaluation_id = e.id AND r.status = 'adopted'
      LEFT JOIN LATERAL (
        SELECT rr.value, rr.closes FROM recommendation_rating rr
          JOIN state_evaluation fe ON fe.id = rr.follow_up_evaluation_id JOIN round fro ON fro.id = fe.round_id
         WHERE rr.recommendation_id = r.id AND rr.value IS NOT NULL
           AND fro.kind = 'follow_up' AND fro.evaluation_round_id = rd.source_round_id AND fro.number <= rd.number
         ORDER BY fro.number DESC, rr.recorded_at DESC LIMIT 1
      ) fr ON rd.kind = 'follow_up'
  ),
  cells AS (
    SELECT 'total' AS dim, '' AS key, status, closed FROM recs
    UNION ALL SELECT 'theme', theme, status, closed FROM recs
    UNION ALL SELECT 'article', a, status, closed FROM recs CROSS JOIN LATERAL unnest(articles) AS a
  )
  SELECT dim, key, coalesce(status, '${NOT_YET_RATED}') AS status, count(*)::int AS issued, (count(*) FILTER (WHERE closed))::int AS closed
    FROM cells GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;

/**
 * The configured scale's values first (always shown, even at zero), then any other value found in
 * the data (a value rated under an earlier scale), then not_yet_rated.
 */
export function statusValuesOf(scale: readonly string[], found: string[]): string[] {
  const known = new Set<string>([...scale, NOT_YET_RATED]);
  const extra = [...new Set(found.filter((s) => !known.has(s)))].sort();
  return [...scale, ...extra, NOT_YET_RATED];
}

function line(key: string, cells: CellRow[], statusValues: string[], followUp: boolean): HemisphericLine {
  const statuses: StatusCounts = Object.fromEntries(statusValues.map((s) => [s, 0]));
  let issued = 0;
  let closed = 0;
  for (const c of cells) {
    statuses[c.status] += c.issued;
    issued += c.issued;
    closed += c.closed;
  }
  if (!followUp) return { key, issued, closed, statuses, before: null, change: null };
  // At the evaluation round nothing had been rated yet: every recommendation starts as not_yet_rated.
  const before: StatusCounts = Object.fromEntries(statusValues.map((s) => [s, s === NOT_YET_RATED ? issued : 0]));
  const change: StatusCounts = Object.fromEntries(statusValues.map((s) => [s, statuses[s] - before[s]]));
  return { key, issued, closed, statuses, before, change };
}

/** The hemispheric figures of a round, now, with the rating scale's values in order. 404 for an unknown round. */
export async function computeHemisphericFigures(
  manager: EntityManager,
  roundId: string,
  now: Date,
  scale: readonly string[],
): Promise<HemisphericFigures> {
  const rounds: RoundRow[] = isUuid(roundId)
    ? await manager.query(
        `SELECT r.id, r.name, r.kind, r.number, r.phase, er.id AS er_id, er.name AS er_name, er.number AS er_number
           FROM round r LEFT JOIN round er ON er.id = r.evaluation_round_id WHERE r.id = $1`,
        [roundId],
      )
    : [];
  const round = rounds[0];
  if (!round) throw new DomainError('not_found', 'Round was not found');
  const followUp = round.kind === 'follow_up';
  const cells: CellRow[] = await manager.query(RECOMMENDATION_CELLS_SQL, [round.id]);
  const statusValues = statusValuesOf(
    scale,
    cells.map((c) => c.status),
  );
  const of = (dim: CellRow['dim'], key: string): HemisphericLine =>
    line(
      key,
      cells.filter((c) => c.dim === dim && c.key === key),
      statusValues,
      followUp,
    );
  // Timeliness exactly as the compliance view defines it (same statement, same clock).
  const [compliance]: Array<{ rows: ComplianceRowPart[] }> = await manager.query(complianceSql('round'), [
    round.id,
    now,
  ]);
  const onTime = compliance.rows.filter((r) => r.submitted_at !== null && r.on_time === true).map((r) => r.state_code);
  const late = compliance.rows.filter((r) => r.submitted_at !== null && r.on_time !== true).map((r) => r.state_code);
  const never = compliance.rows.filter((r) => r.submitted_at === null).map((r) => r.state_code);
  const articles = [
    ...CONVENTION_ARTICLES,
    ...[...new Set(cells.filter((c) => c.dim === 'article').map((c) => c.key))]
      .filter((a) => !(CONVENTION_ARTICLES as readonly string[]).includes(a))
      .sort(),
  ];
  return {
    round: { id: round.id, name: round.name, kind: round.kind, number: round.number, phase: round.phase },
    evaluationRound:
      round.er_id && round.er_name !== null && round.er_number !== null
        ? { id: round.er_id, name: round.er_name, number: round.er_number }
        : null,
    asOf: now.toISOString(),
    statusValues,
    total: of('total', ''),
    byTheme: THEMES.map((t) => of('theme', t)),
    byArticle: articles.map((a) => of('article', a)),
    responses: {
      invited: compliance.rows.length,
      responded: onTime.length + late.length,
      onTime: onTime.length,
      late: late.length,
      never: never.length,
      states: { onTime, late, never },
    },
  };
}
