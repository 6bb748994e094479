import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CommitteeStandingService } from '@mesecvi/appointments';
import { DomainError } from '@mesecvi/errors';
import type { Caller, RequestMeta } from '@mesecvi/http';
import { PolicyService, type CommitteeStanding } from '@mesecvi/policy';

/**
 * The caller's standing towards one evaluation's review, for the policy: an expert counts as
 * assigned only to the evaluations they are rapporteur of (not to the state across rounds).
 */
@Injectable()
export class ReviewAccess {
  constructor(
    private readonly policy: PolicyService,
    private readonly standing: CommitteeStandingService,
  ) {}

  async standingFor(
    manager: EntityManager,
    caller: Caller,
    evaluation: { id: string; stateCode: string },
  ): Promise<CommitteeStanding> {
    if (caller.role !== 'committee_expert') return { offices: [], excludedStates: [], assignedStates: [] };
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM rapporteur_assignment WHERE evaluation_id = $1 AND expert_user_id = $2 AND status <> 'withdrawn'`,
      [evaluation.id, caller.userId],
    );
    return this.standing.standingOf(caller.userId, rows.length > 0 ? [evaluation.stateCode] : [], manager);
  }

  /** 404 (and a security log line) unless the caller may see this evaluation's review. */
  async assertCanSee(
    manager: EntityManager,
    caller: Caller,
    evaluation: { id: string; stateCode: string },
    meta: RequestMeta,
  ): Promise<CommitteeStanding> {
    const standing = await this.standingFor(manager, caller, evaluation);
    if (this.policy.canSeeStateReview(caller, evaluation.stateCode, standing)) return standing;
    this.policy.denied(caller, meta, 'state review', evaluation.stateCode);
    throw new DomainError('not_found', 'State evaluation was not found');
  }

  /**
   * Whether the caller reads this evaluation's committee-only material where it travels with
   * something everyone may read (a recommendation's history): the same rule as the review itself,
   * answered instead of refused, so nothing is logged.
   */
  async mayReadCommitteeMaterial(
    manager: EntityManager,
    caller: Caller,
    evaluation: { id: string; stateCode: string },
  ): Promise<boolean> {
    if (this.policy.isStateBound(caller)) return false;
    const standing = await this.standingFor(manager, caller, evaluation);
    return this.policy.canSeeStateReview(caller, evaluation.stateCode, standing);
  }

  /**
   * What of a review the caller may read: everything (secretariat, Coordinator, rapporteurs), only
   * what is shared with the state (that state's own users), or nothing (404, logged).
   */
  async readScope(
    manager: EntityManager,
    caller: Caller,
    evaluation: { id: string; stateCode: string },
    meta: RequestMeta,
  ): Promise<'committee' | 'state'> {
    if (this.policy.isStateBound(caller)) {
      this.policy.assertStateRecords(caller, evaluation.stateCode, meta, 'State evaluation');
      return 'state';
    }
    await this.assertCanSee(manager, caller, evaluation, meta);
    return 'committee';
  }

  /** Is the caller an open rapporteur of this evaluation? */
  async isRapporteur(manager: EntityManager, caller: Caller, evaluationId: string): Promise<boolean> {
    if (caller.role !== 'committee_expert') return false;
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM rapporteur_assignment WHERE evaluation_id = $1 AND expert_user_id = $2 AND status = 'open'`,
      [evaluationId, caller.userId],
    );
    return rows.length > 0;
  }

  /** The secretariat, or the Coordinator for a state they may evaluate; other experts 403, excluded states 404. */
  async assertMayAssign(
    manager: EntityManager,
    caller: Caller,
    evaluation: { id: string; stateCode: string },
    meta: RequestMeta,
  ): Promise<void> {
    const standing = await this.standingFor(manager, caller, evaluation);
    if (this.policy.canAssignRapporteurs(caller, evaluation.stateCode, standing)) return;
    if (caller.role === 'committee_expert' && standing.offices.includes('coordinator')) {
      this.policy.denied(caller, meta, 'state review', evaluation.stateCode);
      throw new DomainError('not_found', 'State evaluation was not found');
    }
    throw new DomainError('forbidden', 'Only the secretariat or the Coordinator assigns rapporteurs.');
  }
}
