import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { localDate } from '@mesecvi/deadlines';
import { DomainError } from '@mesecvi/errors';
import { isUuid, LANGUAGES, type Caller, type Language, type RequestMeta } from '@mesecvi/http';
import { PolicyService } from '@mesecvi/policy';
import { ComplianceRepository } from './compliance.repository';
import { mergeChanged, ParsedRounds, roundView } from './parsed-rounds';
import {
  fromComplianceDoc,
  overdueCounter,
  summaryTotals,
  type ComplianceDashboard,
  type ComplianceDoc,
  type ComplianceHistory,
} from './compliance.view';

/** Rounds × languages whose parsed rows a process keeps (oldest dropped first): ~100 KB each at 200 states. */
const PARSED_ROUNDS_KEPT = 64;

/** The caller's language if the read model holds it (it holds all four), else English. */
const languageOf = (caller: Caller): Language =>
  (LANGUAGES as readonly string[]).includes(caller.language) ? caller.language : 'en';

/** The secretariat's compliance view: per round, and per state across rounds. Read-only. */
@Injectable()
export class ComplianceService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repository: ComplianceRepository,
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
    // The clock (a database read only in test and demo modes) and the row side by side.
    const [now, found] = await Promise.all([this.clock.now(), this.repository.roundSummary(roundId, language, held)]);
    if (found === undefined) throw new DomainError('not_found', 'Round was not found');
    const { round, failedMails, stamp, seq, changed } = found;
    let docs: readonly ComplianceDoc[];
    if (held !== undefined && found.docs === null && stamp === held.stamp) {
      docs = changed === null ? held.docs : mergeChanged(held.docs, changed);
    } else {
      docs = found.docs ?? [];
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
    const stateName = await this.repository.stateName(stateCode, caller.language);
    if (stateName === undefined) throw new DomainError('not_found', `State party ${stateCode} was not found`);
    const now = await this.clock.now();
    const rows = await this.repository.stateSummary(stateCode, languageOf(caller));
    const docs = rows.map((r) => r.doc);
    const overdue = docs.map(overdueCounter(now));
    return {
      stateCode,
      stateName,
      asOf: now.toISOString(),
      rounds: rows.map((r, i) => fromComplianceDoc(r.doc, r.round, overdue[i])),
      totals: summaryTotals(docs, overdue),
    };
  }
}
