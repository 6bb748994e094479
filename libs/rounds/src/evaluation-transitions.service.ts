import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { DomainError } from '@mesecvi/errors';
import { isUuid, type Caller } from '@mesecvi/http';
import { requireEvaluationTransition, type EvaluationEvent, type EvaluationStatus } from './evaluation-status';

export interface LockedEvaluation {
  id: string;
  stateCode: string;
  roundId: string;
  status: EvaluationStatus;
  questionnaireVersionId: string;
  responseDeadlineId: string | null;
}

export interface TransitionContext {
  actor: Caller | null;
  requestId?: string | null;
  now: Date;
}

/**
 * Moves a state evaluation through the status machine (evaluation-status.ts) for other
 * libraries (submissions now, reviews and reports later): the row is locked, the event checked,
 * the status updated and the change audited — all in the caller's transaction.
 */
@Injectable()
export class EvaluationTransitions {
  constructor(private readonly audit: AuditService) {}

  /** Locks the evaluation row (FOR UPDATE) so status checks and writes of one evaluation queue. */
  async lock(manager: EntityManager, id: string): Promise<LockedEvaluation> {
    if (!isUuid(id)) throw new DomainError('not_found', 'State evaluation was not found');
    const rows: Array<{
      id: string;
      state_code: string;
      round_id: string;
      status: EvaluationStatus;
      questionnaire_version_id: string;
      response_deadline_id: string | null;
    }> = await manager.query(
      'SELECT id, state_code, round_id, status, questionnaire_version_id, response_deadline_id FROM state_evaluation WHERE id = $1 FOR UPDATE',
      [id],
    );
    const row = rows[0];
    if (!row) throw new DomainError('not_found', 'State evaluation was not found');
    return {
      id: row.id,
      stateCode: row.state_code,
      roundId: row.round_id,
      status: row.status,
      questionnaireVersionId: row.questionnaire_version_id,
      responseDeadlineId: row.response_deadline_id,
    };
  }

  /** Applies `event` to a locked evaluation; 409 naming the status when the event does not apply. */
  async apply(
    manager: EntityManager,
    evaluation: LockedEvaluation,
    event: EvaluationEvent,
    ctx: TransitionContext,
    summary: Record<string, unknown> = {},
  ): Promise<EvaluationStatus> {
    const to = requireEvaluationTransition(evaluation.status, event);
    await manager.query(
      'UPDATE state_evaluation SET status = $2, updated_at = $3, version = version + 1 WHERE id = $1',
      [evaluation.id, to, ctx.now],
    );
    await this.audit.record(manager, {
      actor: ctx.actor,
      action: 'state_evaluation.status_changed',
      entity: { type: 'state_evaluation', id: evaluation.id },
      summary: { ...summary, from: evaluation.status, to, stateCode: evaluation.stateCode, event },
      requestId: ctx.requestId ?? null,
      at: ctx.now,
    });
    evaluation.status = to;
    return to;
  }
}
