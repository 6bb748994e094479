import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { localDate } from '@mesecvi/deadlines';
import { namedStatement } from '@mesecvi/database';
import { DomainError } from '@mesecvi/errors';
import { isUuid, type Caller, type RequestMeta } from '@mesecvi/http';
import { PolicyService } from '@mesecvi/policy';
import { ROUND_SUMMARY_SQL, STATE_SUMMARY_SQL } from './compliance-sql';
import { fromComplianceDoc, overdueCounter, summaryTotals, type ComplianceDashboard, type ComplianceDoc, type ComplianceHistory, type ComplianceRow } from './compliance.view';

type RoundSummaryRow = ComplianceRow['round'] & { failed_mails: number; docs: string | null };
interface StateSummaryRow {
  round_id: string;
  round_name: string;
  round_kind: string;
  round_number: number;
  round_phase: string;
  doc: string;
}

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
   * Roles are checked by the route (secretariat, committee); every state of the round is shown.
   * Reads the round's read-model row (its evaluations' rows as one JSON text, kept by triggers);
   * days overdue (from the clock) and the totals are counted here from those rows.
   */
  async roundDashboard(caller: Caller, roundId: string): Promise<ComplianceDashboard> {
    if (!isUuid(roundId)) throw new DomainError('not_found', 'Round was not found');
    const now = await this.clock.now();
    // Named: planned once per pooled connection (planning was half of the statement's time).
    const found: RoundSummaryRow[] = await this.dataSource.query(namedStatement('compliance_round_v1', ROUND_SUMMARY_SQL), [roundId]);
    if (found.length === 0) throw new DomainError('not_found', 'Round was not found');
    const { id, name, kind, number, phase, failed_mails: failedMails, docs: text } = found[0];
    const round = { id, name, kind, number, phase };
    const docs = JSON.parse(text ?? '[]') as ComplianceDoc[];
    const overdue = docs.map(overdueCounter(now));
    return {
      round,
      asOf: now.toISOString(),
      today: localDate(now, this.config.mechanism.timeZone),
      rows: docs.map((d, i) => fromComplianceDoc(d, round, overdue[i], caller.language)),
      totals: summaryTotals(docs, overdue),
      alerts: { failedMails },
    };
  }

  /** A state's timeliness across rounds; a state's own people see their own state only (404 otherwise). */
  async stateHistory(caller: Caller, stateCode: string, meta: RequestMeta): Promise<ComplianceHistory> {
    if (this.policy.isStateBound(caller) && caller.stateCode !== stateCode) {
      this.policy.denied(caller, meta, 'compliance history', stateCode);
      throw new DomainError('not_found', `State party ${stateCode} was not found`);
    }
    const states: Array<{ code: string; name: string }> = await this.dataSource.query(`SELECT code, name_${caller.language} AS name FROM state_party WHERE code = $1`, [stateCode]);
    if (states.length === 0) throw new DomainError('not_found', `State party ${stateCode} was not found`);
    const now = await this.clock.now();
    const rows: StateSummaryRow[] = await this.dataSource.query(STATE_SUMMARY_SQL, [stateCode]);
    const docs = rows.map((r) => JSON.parse(r.doc) as ComplianceDoc);
    const overdue = docs.map(overdueCounter(now));
    return {
      stateCode,
      stateName: states[0].name,
      asOf: now.toISOString(),
      rounds: docs.map((d, i) => fromComplianceDoc(d, { id: rows[i].round_id, name: rows[i].round_name, kind: rows[i].round_kind, number: rows[i].round_number, phase: rows[i].round_phase }, overdue[i], caller.language)),
      totals: summaryTotals(docs, overdue),
    };
  }
}
