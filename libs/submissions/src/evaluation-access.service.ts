import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@mesecvi/errors';
import type { Caller, RequestMeta } from '@mesecvi/http';
import { PolicyService } from '@mesecvi/policy';
import { EvaluationTransitions, type EvaluationStatus, type LockedEvaluation } from '@mesecvi/rounds';
import { isUuid } from '@mesecvi/http';

/** Statuses in which the state's draft may change (DESIGN §1): before submitting, and when asked to clarify. */
export const EDITABLE_STATUSES: readonly EvaluationStatus[] = ['invited', 'drafting', 'clarification_requested'];

/**
 * The evaluation a write acts on, locked (so status checks and writes of one evaluation queue)
 * and checked against the caller's scope: another state's is 404, like a missing one.
 */
@Injectable()
export class EvaluationAccess {
  constructor(
    private readonly policy: PolicyService,
    private readonly transitions: EvaluationTransitions,
  ) {}

  async lockFor(manager: EntityManager, caller: Caller, id: string, meta: RequestMeta): Promise<LockedEvaluation> {
    if (!isUuid(id)) throw new DomainError('not_found', 'State evaluation was not found');
    const evaluation = await this.transitions.lock(manager, id);
    if (!this.policy.canReadStateRecords(caller, evaluation.stateCode)) {
      this.policy.denied(caller, meta, 'state evaluation', evaluation.stateCode);
      throw new DomainError('not_found', 'State evaluation was not found');
    }
    return evaluation;
  }

  assertEditable(evaluation: LockedEvaluation): void {
    if (EDITABLE_STATUSES.includes(evaluation.status)) return;
    throw new DomainError('conflict', `The answers are frozen: the evaluation is ${evaluation.status}, so the draft cannot change.`, {
      extensions: { rule: 'draft_frozen', evaluationStatus: evaluation.status },
    });
  }
}
