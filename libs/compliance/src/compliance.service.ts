import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { localDate } from '@mesecvi/deadlines';
import { namedStatement } from '@mesecvi/database';
import { DomainError } from '@mesecvi/errors';
import { isUuid, LANGUAGES, type Caller, type Language, type RequestMeta } from '@mesecvi/http';
import { PolicyService } from '@mesecvi/policy';
import { ROUND_SUMMARY_SQL, STATE_SUMMARY_SQL } from './compliance-sql';
import { mergeChanged, ParsedRounds, roundView } from './parsed-rounds';
import {
  fromComplianceDoc,
  overdueCounter,
  summaryTotals,
  type ComplianceDashboard,
  type ComplianceDoc,
  type ComplianceHistory,
  type ComplianceRow,
} from './compliance.view';

type RoundSummaryRow = ComplianceRow['round'] & {
  failed_mails: number;
  stamp: string | null;
  seq: string | null;
  docs: string | null;
  changed: string | null;
};

/** Rounds × languages whose parsed rows a process keeps (oldest dropped first): ~100 KB each at 200 states. */
const PARSED_ROUNDS_KEPT = 64;
interface StateSummaryRow {
  round_id: string;
  round_name: string;
  round_kind: string;
  round_number: number;
  round_phase: string;
  doc: string;
}

/** The caller's language if the read model holds it (it holds all four), else English. */
const languageOf = (caller: Caller): Language =>
  (LANGUAGES as readonly string[]).includes(caller.language) ? caller.language : 'en';

/** The secretariat's compliance view: per round, and per state across rounds. Read-only. */
@Injectable()
export class ComplianceService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly policy: PolicyService,
  ) {}

  /**
   * A round's rows as last parsed, per language, with the read model's stamp and change count they
   * are current for. Never trusted on its own: every read asks the database for the current stamp
   * and count (in the same statement) and is sent what changed since, so every instance serves what
   * the database holds at that moment, with nothing to invalidate across instances.
   */
  private readonly parsed = new ParsedRounds(PARSED_ROUNDS_KEPT);

  /**
   * Roles are checked by the route (secretariat, committee); every state of the round is shown.
   * Reads the round's read-model row (kept by triggers): the whole text of its rows in the caller's
   * language the first time, then only the rows changed since this process last read it (none
   * when nothing changed); days overdue (from the clock) and the totals are counted here.
   */
  async roundDashboard(caller: Caller, roundId: string): Promise<ComplianceDashboard> {
    if (!isUuid(roundId)) throw new DomainError('not_found', 'Round was not found');
    const language = languageOf(caller);
    const key = `${roundId}:${language}`;
    const held = this.parsed.get(key);
    // The clock (a database read only in test and demo modes) and the row side by side. Named:
    // planned once per pooled connection (planning was a third of the statement's time).
    const [now, found] = await Promise.all([
      this.clock.now(),
      this.dataSource.query(namedStatement(`compliance_round_v4_${language}`, ROUND_SUMMARY_SQL[language]), [
        roundId,
        held?.stamp ?? null,
        held?.seq ?? null,
      ]) as Promise<RoundSummaryRow[]>,
    ]);
    if (found.length === 0) throw new DomainError('not_found', 'Round was not found');
    const { id, name, kind, number, phase, failed_mails: failedMails, stamp, seq, docs: text, changed } = found[0];
    const round = { id, name, kind, number, phase };
    let docs: readonly ComplianceDoc[];
    if (held !== undefined && text === null && stamp === held.stamp) {
      docs = changed === null ? held.docs : mergeChanged(held.docs, JSON.parse(changed) as ComplianceDoc[]);
    } else {
      docs = JSON.parse(text ?? '[]') as ComplianceDoc[];
    }
    // Rows and totals are rebuilt only where the docs, the round or today's date changed.
    const view = roundView(docs, round, now, held?.view);
    if (
      stamp !== null &&
      seq !== null &&
      (held === undefined || held.stamp !== stamp || held.seq !== seq || held.view !== view)
    )
      this.parsed.set(key, { stamp, seq, docs, view });
    return {
      round: view.round,
      asOf: now.toISOString(),
      today: localDate(now, this.config.mechanism.timeZone),
      rows: view.rows,
      totals: view.totals,
      alerts: { failedMails },
    };
  }

  /** A state's timeliness across rounds; a state's own people see their own state only (404 otherwise). */
  async stateHistory(caller: Caller, stateCode: string, meta: RequestMeta): Promise<ComplianceHistory> {
    if (this.policy.isStateBound(caller) && caller.stateCode !== stateCode) {
      this.policy.denied(caller, meta, 'compliance history', stateCode);
      throw new DomainError('not_found', `State party ${stateCode} was not found`);
    }
    const states: Array<{ code: string; name: string }> = await this.dataSource.query(
      `SELECT code, name_${caller.language} AS name FROM state_party WHERE code = $1`,
      [stateCode],
    );
    if (states.length === 0) throw new DomainError('not_found', `State party ${stateCode} was not found`);
    const now = await this.clock.now();
    const rows: StateSummaryRow[] = await this.dataSource.query(STATE_SUMMARY_SQL[languageOf(caller)], [stateCode]);
    const docs = rows.map((r) => JSON.parse(r.doc) as ComplianceDoc);
    const overdue = docs.map(overdueCounter(now));
    return {
      stateCode,
      stateName: states[0].name,
      asOf: now.toISOString(),
      rounds: docs.map((d, i) =>
        fromComplianceDoc(
          d,
          {
            id: rows[i].round_id,
            name: rows[i].round_name,
            kind: rows[i].round_kind,
            number: rows[i].round_number,
            phase: rows[i].round_phase,
          },
          overdue[i],
        ),
      ),
      totals: summaryTotals(docs, overdue),
    };
  }
}
