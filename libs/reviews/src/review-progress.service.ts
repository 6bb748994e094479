import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { DeadlinesService } from '@mesecvi/deadlines';
import { DomainError } from '@mesecvi/errors';
import { isUuid, type Caller, type RequestMeta } from '@mesecvi/http';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { EvaluationTransitions, type EvaluationStatus, type LockedEvaluation } from '@mesecvi/rounds';
import { ClarificationsService, type ClarificationView } from '@mesecvi/submissions';
import { pointerInSchema } from './answer-pointer';
import { REVIEW_SUBJECT } from './rapporteur-recipients';
import { ReviewAccess } from './review-access.service';
import { fieldInvalid, ruleConflict } from './review-errors';
import { REVIEW_RULES } from './review-rules';

export interface ReviewClarificationInput {
  message: string;
  /** Answers the questions are about (JSON pointers into the questionnaire). */
  pointers?: string[];
  /** YYYY-MM-DD: the clarification deadline in the deadlines engine (with its reminders). */
  dueDate: string;
}

export interface ReviewCompletion {
  evaluationId: string;
  evaluationStatus: EvaluationStatus;
  /** Rapporteurs who have not marked their review complete yet. */
  openRapporteurs: number;
}

/**
 * A rapporteur's clarification request (through the submissions library's revision loop, plus a
 * deadline) and the end of the review: each rapporteur marks their part complete; when none is
 * left open and no clarification is pending, the evaluation is `analysed`.
 */
@Injectable()
export class ReviewProgress {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transitions: EvaluationTransitions,
    private readonly access: ReviewAccess,
    private readonly clarifications: ClarificationsService,
    private readonly deadlines: DeadlinesService,
    private readonly registry: QuestionnaireRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async requestClarification(
    caller: Caller,
    evaluationId: string,
    input: ReviewClarificationInput,
    meta: RequestMeta,
  ): Promise<ClarificationView & { deadlineId: string }> {
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const evaluation = await this.lockVisible(manager, caller, evaluationId, meta);
      await this.assertRapporteurOrSecretariat(
        manager,
        caller,
        evaluation.id,
        'A rapporteur of this evaluation (or the secretariat) asks for clarification.',
      );
      if (evaluation.status !== 'under_review')
        throw ruleConflict(
          REVIEW_RULES.evaluation_not_under_review,
          { evaluationStatus: evaluation.status },
          { evaluationStatus: evaluation.status },
        );
      const pointers = [...new Set(input.pointers ?? [])];
      const schema = (await this.registry.compiled(evaluation.questionnaireVersionId)).schema;
      pointers.forEach((p, i) => {
        if (!pointerInSchema(schema, p))
          throw fieldInvalid(`/pointers/${i}`, REVIEW_RULES.pointer_in_questionnaire, { pointer: p });
      });
      const message =
        pointers.length > 0 ? `${input.message.trim()}\n\nAnswers concerned: ${pointers.join(', ')}` : input.message;
      const view = await this.clarifications.requestLocked(
        manager,
        caller,
        evaluation,
        { message, dueDate: input.dueDate },
        meta,
        now,
      );
      const deadline = await this.deadlines.create(
        manager,
        {
          kind: 'clarification',
          subject: { type: 'clarification_request', id: view.id },
          stateCode: evaluation.stateCode,
          dueDate: input.dueDate,
          title: 'Clarification requested by the rapporteurs',
        },
        { actor: caller, requestId: meta.requestId, now },
      );
      return { ...view, deadlineId: deadline.id };
    });
  }

  /**
   * A rapporteur marks their review complete; the secretariat or the Coordinator closes the whole
   * review. Refused (409) while a clarification request is open.
   */
  async complete(caller: Caller, evaluationId: string, meta: RequestMeta): Promise<ReviewCompletion> {
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const evaluation = await this.lockVisible(manager, caller, evaluationId, meta);
      if (evaluation.status !== 'under_review')
        throw ruleConflict(
          REVIEW_RULES.evaluation_not_under_review_to_complete,
          { evaluationStatus: evaluation.status },
          { evaluationStatus: evaluation.status },
        );
      const open: unknown[] = await manager.query(
        'SELECT 1 FROM clarification_request WHERE evaluation_id = $1 AND answered_at IS NULL',
        [evaluation.id],
      );
      if (open.length > 0) throw ruleConflict(REVIEW_RULES.open_clarification);
      const standing = await this.access.standingFor(manager, caller, evaluation);
      const closesAll = caller.role === 'secretariat' || standing.offices.includes('coordinator');
      const mine = await this.access.isRapporteur(manager, caller, evaluation.id);
      if (!closesAll && !mine)
        throw new DomainError(
          'forbidden',
          'Only a rapporteur with an open assignment, the Coordinator or the secretariat completes a review.',
        );
      // An UPDATE through TypeORM's query() answers [rows, count].
      const [closed] = (await manager.query(
        `UPDATE rapporteur_assignment SET status = 'completed', closed_at = $2 WHERE evaluation_id = $1 AND status = 'open' ${closesAll ? '' : 'AND expert_user_id = $3'} RETURNING id`,
        closesAll ? [evaluation.id, now] : [evaluation.id, now, caller.userId],
      )) as [Array<{ id: string }>, number];
      for (const row of closed) {
        await this.audit.record(manager, {
          actor: caller,
          action: 'rapporteur_assignment.completed',
          entity: { type: 'rapporteur_assignment', id: row.id },
          summary: { evaluationId: evaluation.id, stateCode: evaluation.stateCode },
          requestId: meta.requestId,
          at: now,
        });
      }
      const [{ n }]: Array<{ n: number }> = await manager.query(
        `SELECT count(*)::int AS n FROM rapporteur_assignment WHERE evaluation_id = $1 AND status = 'open'`,
        [evaluation.id],
      );
      if (n === 0) {
        await this.transitions.apply(manager, evaluation, 'review_completed', {
          actor: caller,
          requestId: meta.requestId,
          now,
        });
        // The review is done: its due date is met and nothing more is sent about it.
        const due = await this.deadlines.findForSubject(
          manager,
          'review',
          { type: REVIEW_SUBJECT, id: evaluation.id },
          evaluation.stateCode,
        );
        if (due) await this.deadlines.complete(manager, due.id, { actor: caller, requestId: meta.requestId, now });
      }
      return { evaluationId: evaluation.id, evaluationStatus: evaluation.status, openRapporteurs: n };
    });
  }

  private async lockVisible(
    manager: EntityManager,
    caller: Caller,
    evaluationId: string,
    meta: RequestMeta,
  ): Promise<LockedEvaluation> {
    if (!isUuid(evaluationId)) throw new DomainError('not_found', 'State evaluation was not found');
    const evaluation = await this.transitions.lock(manager, evaluationId);
    await this.access.assertCanSee(manager, caller, evaluation, meta);
    return evaluation;
  }

  private async assertRapporteurOrSecretariat(
    manager: EntityManager,
    caller: Caller,
    evaluationId: string,
    message: string,
  ): Promise<void> {
    if (caller.role === 'secretariat' || (await this.access.isRapporteur(manager, caller, evaluationId))) return;
    throw new DomainError('forbidden', message);
  }
}
