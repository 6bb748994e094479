import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import type { CommitteeOfficeName, CommitteeStanding } from '@mesecvi/policy';
import { localDate } from './calendar';
import { isUuid } from '@mesecvi/http';

/**
 * What the policy service needs to know about an expert: the states
 * they may never evaluate, the offices they hold and, from libs/reviews, their assignments.
 */
@Injectable()
export class CommitteeStandingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The states an expert may never evaluate: the state that appointed them (their account's state
   * and every state that ever appointed them to the committee) ∪ their declared conflicts. Sorted.
   */
  async excludedStates(expertUserId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    if (!isUuid(expertUserId)) return [];
    const rows: Array<{ code: string }> = await manager.query(
      `SELECT state_code AS code FROM user_account WHERE id = $1 AND role = 'committee_expert' AND state_code IS NOT NULL
       UNION SELECT state_code FROM appointment WHERE user_id = $1 AND kind IN ('titular', 'alternate') AND status <> 'withdrawn'
       UNION SELECT state_code FROM conflict_declaration WHERE expert_user_id = $1
       ORDER BY 1`,
      [expertUserId],
    );
    return rows.map((r) => r.code);
  }

  /** The offices an expert holds today. */
  async officesOf(
    expertUserId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<CommitteeOfficeName[]> {
    if (!isUuid(expertUserId)) return [];
    const today = localDate(await this.clock.now(), this.config.mechanism.timeZone);
    const rows: Array<{ office: CommitteeOfficeName }> = await manager.query(
      `SELECT office FROM committee_office WHERE expert_user_id = $1 AND term_start <= $2 AND COALESCE(ended_on, term_end) > $2 ORDER BY office`,
      [expertUserId, today],
    );
    return rows.map((r) => r.office);
  }

  /** Everything the policy's committee decisions take; `assignedStates` comes from libs/reviews. */
  async standingOf(
    expertUserId: string,
    assignedStates: readonly string[] = [],
    manager?: EntityManager,
  ): Promise<CommitteeStanding> {
    const excludedStates = await this.excludedStates(expertUserId, manager);
    const offices = await this.officesOf(expertUserId, manager);
    return { offices, excludedStates, assignedStates };
  }
}
