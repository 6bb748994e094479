import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError, ruleConflict } from '@mesecvi/errors';
import type { Caller, RequestMeta } from '@mesecvi/http';
import { PolicyService } from '@mesecvi/policy';
import { EvaluationTransitions, type EvaluationStatus, type LockedEvaluation } from '@mesecvi/rounds';
import { isUuid } from '@mesecvi/http';
import { SUBMISSION_RULES } from './submission-rules';

/** Statuses in which the state's draft may change: before submitting, and when asked to clarify. */
export const EDITABLE_STATUSES: readonly EvaluationStatus[] = ['invited', 'drafting', 'clarification_requested'];

/** What never changes about an evaluation once distributed: its state, round and frozen questionnaire version. */
export interface EvaluationFacts {
  id: string;
  stateCode: string;
  roundId: string;
  questionnaireVersionId: string;
}

/** Facts of this many evaluations are kept per process (a round has at most a few dozen states). */
const FACTS_CACHE_SIZE = 5000;

/**
 * The evaluation a write acts on, locked (so status checks and writes of one evaluation queue)
 * and checked against the caller's scope: another state's is 404, like a missing one.
 */
@Injectable()
export class EvaluationAccess {
  private readonly facts = new Map<string, EvaluationFacts>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly transitions: EvaluationTransitions,
  ) {}

  /**
   * The immutable facts of an evaluation, checked against the caller's scope (another state's is
   * 404) without a lock. Cached per process: state, round and questionnaire version are set at
   * distribution and never updated, so no other instance can make a cached entry wrong (a status
   * is never cached — writes re-check it under their lock).
   */
  async factsFor(caller: Caller, id: string, meta: RequestMeta): Promise<EvaluationFacts> {
    if (!isUuid(id)) throw new DomainError('not_found', 'State evaluation was not found');
    let facts = this.facts.get(id);
    if (!facts) {
      const rows: Array<{ state_code: string; round_id: string; questionnaire_version_id: string }> =
        await this.dataSource.query(
          'SELECT state_code, round_id, questionnaire_version_id FROM state_evaluation WHERE id = $1',
          [id],
        );
      if (!rows[0]) throw new DomainError('not_found', 'State evaluation was not found');
      facts = {
        id,
        stateCode: rows[0].state_code,
        roundId: rows[0].round_id,
        questionnaireVersionId: rows[0].questionnaire_version_id,
      };
      if (this.facts.size >= FACTS_CACHE_SIZE) this.facts.clear();
      this.facts.set(id, facts);
    }
    if (!this.policy.canReadStateRecords(caller, facts.stateCode)) {
      this.policy.denied(caller, meta, 'state evaluation', facts.stateCode);
      throw new DomainError('not_found', 'State evaluation was not found');
    }
    return facts;
  }

  async lockFor(manager: EntityManager, caller: Caller, id: string, meta: RequestMeta): Promise<LockedEvaluation> {
    if (!isUuid(id)) throw new DomainError('not_found', 'State evaluation was not found');
    const evaluation = await this.transitions.lock(manager, id);
    if (!this.policy.canReadStateRecords(caller, evaluation.stateCode)) {
      this.policy.denied(caller, meta, 'state evaluation', evaluation.stateCode);
      throw new DomainError('not_found', 'State evaluation was not found');
    }
    return evaluation;
  }

  assertEditable(evaluation: Pick<LockedEvaluation, 'status'>): void {
    if (EDITABLE_STATUSES.includes(evaluation.status)) return;
    const facts = { evaluationStatus: evaluation.status };
    throw ruleConflict(SUBMISSION_RULES.draft_frozen, facts, facts);
  }
}
