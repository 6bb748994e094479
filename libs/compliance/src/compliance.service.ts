import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { localDate } from '@mesecvi/deadlines';
import { DomainError } from '@mesecvi/errors';
import { isUuid, type Caller, type RequestMeta } from '@mesecvi/http';
import { PolicyService } from '@mesecvi/policy';
import { complianceSql } from './compliance-sql';
import {
  toComplianceRow,
  toComplianceTotals,
  type ComplianceDashboard,
  type ComplianceHistory,
  type ComplianceSqlRow,
  type ComplianceSqlTotals,
} from './compliance.view';

interface SqlResult {
  rows: ComplianceSqlRow[];
  totals: ComplianceSqlTotals;
}

interface RoundRow {
  id: string;
  name: string;
  kind: string;
  number: number;
  phase: string;
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

  /** Roles are checked by the route (secretariat, committee); every state of the round is shown. */
  async roundDashboard(caller: Caller, roundId: string): Promise<ComplianceDashboard> {
    if (!isUuid(roundId)) throw new DomainError('not_found', 'Round was not found');
    const now = await this.clock.now();
    const [result]: Array<SqlResult & { round: RoundRow | null; failed_mails: number }> = await this.dataSource.query(complianceSql('round'), [roundId, now]);
    if (!result.round) throw new DomainError('not_found', 'Round was not found');
    return {
      round: result.round,
      asOf: now.toISOString(),
      today: localDate(now, this.config.mechanism.timeZone),
      rows: result.rows.map((r) => toComplianceRow(r, caller.language)),
      totals: toComplianceTotals(result.totals),
      alerts: { failedMails: result.failed_mails },
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
    const [result]: SqlResult[] = await this.dataSource.query(complianceSql('state'), [stateCode, now]);
    return { stateCode, stateName: states[0].name, asOf: now.toISOString(), rounds: result.rows.map((r) => toComplianceRow(r, caller.language)), totals: toComplianceTotals(result.totals) };
  }
}
