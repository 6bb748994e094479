import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { localDate } from '@mesecvi/deadlines';
import { DomainError } from '@mesecvi/errors';
import type { Language } from '@mesecvi/http';
import {
  FIRST_REPORT_YEAR,
  type AdoptedReport,
  type AnnualReport,
  type AnnualResponses,
  type AnnualRound,
  type DesignationHolder,
  type StateDesignations,
} from './annual-report';
import { annualHtml, annualMarkdown } from './mechanism-report-render';

interface HolderJson {
  name: string;
  term_start: string | null;
  term_end: string | null;
  note_reference: string | null;
  account_status: string | null;
}

interface DesignationRow {
  code: string;
  name: string;
  titular: HolderJson | null;
  alternate: HolderJson | null;
  focal_appointment: HolderJson | null;
  focal_account: HolderJson | null;
}

/** A seat is held on day $1 when its term has started and not ended (an ended or withdrawn term carries its end date). */
const holder = (kind: string): string => `(
  SELECT json_build_object('name', a.person_name, 'term_start', a.term_start::text, 'term_end', a.term_end::text, 'note_reference', a.note_reference, 'account_status', NULL)
    FROM appointment a
   WHERE a.state_code = s.code AND a.kind = '${kind}' AND a.term_start <= $1::date AND (a.term_end IS NULL OR a.term_end > $1::date)
   ORDER BY a.term_start DESC, a.recorded_at DESC LIMIT 1)`;

const SEAT_HOLDERS_SQL = `
  SELECT s.code, s.name_LANG AS name,
         ${holder('titular')} AS titular,
         ${holder('alternate')} AS alternate,
         ${holder('focal_point')} AS focal_appointment,
         (SELECT json_build_object('name', u.name, 'term_start', NULL, 'term_end', NULL, 'note_reference', NULL, 'account_status', u.status)
            FROM user_account u
           WHERE u.state_code = s.code AND u.role = 'state_focal_point' AND u.status <> 'disabled' AND u.created_at < $2
           ORDER BY u.created_at DESC LIMIT 1) AS focal_account
    FROM state_party s ORDER BY s.code`;

/**
 * Rounds that existed on the report's date and were open at some point of the year. A round's phase
 * on a past date is read from its audited phase changes (the round row keeps only today's phase):
 * the last change before the date, else the first change's starting phase, else today's phase.
 */
const ROUNDS_SQL = `
  WITH changes AS (
    SELECT a.entity_id, a.occurred_at, a.id, a.summary->>'from' AS from_phase, a.summary->>'to' AS to_phase
      FROM audit_event a WHERE a.entity_type = 'round' AND a.action = 'round.phase_changed'
  ),
  rounds AS (
    SELECT r.id, r.name, r.kind, r.number, r.phase AS current_phase, r.created_at,
           coalesce(
             (SELECT c.to_phase FROM changes c WHERE c.entity_id = r.id::text AND c.occurred_at < $2 ORDER BY c.occurred_at DESC, c.id DESC LIMIT 1),
             (SELECT c.from_phase FROM changes c WHERE c.entity_id = r.id::text AND c.occurred_at >= $2 ORDER BY c.occurred_at, c.id LIMIT 1),
             r.phase) AS phase,
           EXISTS (SELECT 1 FROM changes c WHERE c.entity_id = r.id::text AND c.to_phase = 'closed' AND c.occurred_at >= $1 AND c.occurred_at < $2) AS closed_in_year
      FROM round r WHERE r.created_at < $2
  )
  SELECT x.id, x.name, x.kind, x.number, x.phase, x.current_phase, x.closed_in_year,
         (SELECT count(*)::int FROM state_evaluation e WHERE e.round_id = x.id AND e.distributed_at < $2) AS invited,
         (SELECT count(*)::int FROM submission s JOIN state_evaluation e ON e.id = s.evaluation_id WHERE e.round_id = x.id AND s.version_number = 1 AND s.submitted_at < $2) AS responded,
         (SELECT count(*)::int FROM submission s JOIN state_evaluation e ON e.id = s.evaluation_id WHERE e.round_id = x.id AND s.version_number = 1 AND s.submitted_at < $2 AND s.on_time) AS on_time
    FROM rounds x
   WHERE x.phase <> 'closed' OR x.closed_in_year
   ORDER BY x.created_at, x.kind, x.number`;

const RESPONSES_SQL = `
  SELECT r.id AS round_id, r.name AS round_name, r.kind,
         (count(*) FILTER (WHERE s.version_number = 1))::int AS received,
         (count(*) FILTER (WHERE s.version_number = 1 AND s.on_time))::int AS on_time,
         (count(*) FILTER (WHERE s.version_number = 1 AND NOT s.on_time))::int AS late,
         (count(*) FILTER (WHERE s.version_number > 1))::int AS later_versions
    FROM submission s JOIN state_evaluation e ON e.id = s.evaluation_id JOIN round r ON r.id = e.round_id
   WHERE s.submitted_at >= $1 AND s.submitted_at < $2
   GROUP BY r.id, r.name, r.kind, r.created_at ORDER BY r.created_at, r.id`;

// By adoption date, then by symbol with shorter ones first, so that doc.5 comes before doc.40.
const ADOPTED_SQL = `
  SELECT * FROM (
  SELECT 'country' AS kind, c.id, c.symbol, to_char(c.adopted_on, 'YYYY-MM-DD') AS adopted_on, c.status, ro.name AS round_name, c.state_code
    FROM country_report c JOIN state_evaluation e ON e.id = c.evaluation_id JOIN round ro ON ro.id = e.round_id
   WHERE c.status IN ('adopted', 'published') AND c.adopted_on BETWEEN $1::date AND $2::date
  UNION ALL
  SELECT 'hemispheric', h.id, h.symbol, to_char(h.adopted_on, 'YYYY-MM-DD'), h.status, ro.name, NULL
    FROM hemispheric_report h JOIN round ro ON ro.id = h.round_id
   WHERE h.adopted_on BETWEEN $1::date AND $2::date
  ) adopted ORDER BY adopted_on, length(symbol), symbol`;

const toHolder = (h: HolderJson | null, source: DesignationHolder['source']): DesignationHolder | null =>
  h
    ? {
        name: h.name,
        source,
        termStart: h.term_start,
        termEnd: h.term_end,
        noteReference: h.note_reference,
        accountStatus: h.account_status,
      }
    : null;

/**
 * The annual report of the mechanism (the table the secretariat files each year): designations per
 * state, rounds in progress and their phase, responses received and reports adopted in the year.
 * Read-only; the routes admit the secretariat and the committee.
 */
@Injectable()
export class AnnualReports {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(yearParam: string, language: Language): Promise<AnnualReport> {
    const now = await this.clock.now();
    const tz = this.config.mechanism.timeZone;
    const today = localDate(now, tz);
    const thisYear = Number(today.slice(0, 4));
    const year = /^\d{4}$/.test(yearParam) ? Number(yearParam) : NaN;
    if (!(year >= FIRST_REPORT_YEAR && year <= thisYear)) {
      const message = `A year from ${FIRST_REPORT_YEAR} (the mechanism's statute) to ${thisYear} (the current year).`;
      throw new DomainError('validation_failed', message, {
        errors: [{ pointer: '/year', keyword: 'year_range', message }],
        extensions: { rule: 'year_range', minimum: FIRST_REPORT_YEAR, maximum: thisYear },
      });
    }
    const asOf = year === thisYear ? today : `${year}-12-31`;
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      // Instants of the year's start and of the end of the report's date, in the mechanism's time zone.
      const [bounds]: Array<{ start: Date; end: Date; year_end: Date }> = await manager.query(
        `SELECT ($1::date::timestamp AT TIME ZONE $4) AS start, (($2::date + 1)::timestamp AT TIME ZONE $4) AS end, (($3::date + 1)::timestamp AT TIME ZONE $4) AS year_end`,
        [`${year}-01-01`, asOf, `${year}-12-31`, tz],
      );
      const designationRows: DesignationRow[] = await manager.query(
        SEAT_HOLDERS_SQL.replace('name_LANG', `name_${language}`),
        [asOf, bounds.end],
      );
      const roundRows: Array<{
        id: string;
        name: string;
        kind: AnnualRound['kind'];
        number: number;
        phase: string;
        current_phase: string;
        closed_in_year: boolean;
        invited: number;
        responded: number;
        on_time: number;
      }> = await manager.query(ROUNDS_SQL, [bounds.start, bounds.end]);
      const responseRows: Array<{
        round_id: string;
        round_name: string;
        kind: AnnualResponses['kind'];
        received: number;
        on_time: number;
        late: number;
        later_versions: number;
      }> = await manager.query(RESPONSES_SQL, [bounds.start, bounds.year_end]);
      const adopted: Array<{
        kind: AdoptedReport['kind'];
        id: string;
        symbol: string;
        adopted_on: string;
        status: string;
        round_name: string;
        state_code: string | null;
      }> = await manager.query(ADOPTED_SQL, [`${year}-01-01`, `${year}-12-31`]);
      const designations: StateDesignations[] = designationRows.map((d) => {
        const focalPoint = toHolder(d.focal_appointment, 'appointment') ?? toHolder(d.focal_account, 'account');
        const titular = toHolder(d.titular, 'appointment');
        return {
          stateCode: d.code,
          stateName: d.name,
          titular,
          alternate: toHolder(d.alternate, 'appointment'),
          focalPoint,
          missing: [...(titular ? [] : ['titular' as const]), ...(focalPoint ? [] : ['focal_point' as const])],
        };
      });
      const responses: AnnualResponses[] = responseRows.map((r) => ({
        roundId: r.round_id,
        roundName: r.round_name,
        kind: r.kind,
        received: r.received,
        onTime: r.on_time,
        late: r.late,
        laterVersions: r.later_versions,
      }));
      return {
        year,
        asOf,
        generatedAt: now.toISOString(),
        designations,
        designationTotals: {
          states: designations.length,
          titular: designations.filter((d) => d.titular).length,
          alternate: designations.filter((d) => d.alternate).length,
          focalPoint: designations.filter((d) => d.focalPoint).length,
          complete: designations.filter((d) => d.missing.length === 0).length,
        },
        rounds: roundRows.map((r) => ({
          id: r.id,
          name: r.name,
          kind: r.kind,
          number: r.number,
          phase: r.phase,
          currentPhase: r.current_phase,
          closedInYear: r.closed_in_year,
          invited: r.invited,
          responded: r.responded,
          onTime: r.on_time,
          late: r.responded - r.on_time,
        })),
        responses,
        responseTotals: {
          received: responses.reduce((n, r) => n + r.received, 0),
          onTime: responses.reduce((n, r) => n + r.onTime, 0),
          late: responses.reduce((n, r) => n + r.late, 0),
          laterVersions: responses.reduce((n, r) => n + r.laterVersions, 0),
        },
        reportsAdopted: adopted.map((a) => ({
          kind: a.kind,
          id: a.id,
          symbol: a.symbol,
          adoptedOn: a.adopted_on,
          status: a.status,
          roundName: a.round_name,
          stateCode: a.state_code,
        })),
      };
    });
  }

  async render(report: AnnualReport, format: 'md' | 'html'): Promise<string> {
    return format === 'md' ? annualMarkdown(report) : annualHtml(report);
  }
}
