import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { DomainError } from '@mesecvi/errors';
import { isUuid, type Caller, type RequestMeta } from '@mesecvi/http';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import type { EvaluationStatus } from '@mesecvi/rounds';
import { pointerInSchema } from './answer-pointer';
import { findEvaluation, type EvaluationRef } from './evaluation-lookup';
import { ReviewAccess } from './review-access.service';
import type { CommentVisibility } from './review-comment.entity';
import { fieldInvalid, ruleConflict } from './review-errors';
import { REVIEW_RULES } from './review-rules';

export interface CommentInput {
  body: string;
  pointer?: string | null;
  visibility?: CommentVisibility;
  parentId?: string | null;
}

export interface ReviewCommentView {
  id: string;
  evaluationId: string;
  submissionId: string | null;
  pointer: string | null;
  visibility: CommentVisibility;
  parentId: string | null;
  body: string;
  author: { userId: string; name: string; role: string };
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

interface CommentRow {
  id: string;
  evaluation_id: string;
  submission_id: string | null;
  pointer: string | null;
  visibility: CommentVisibility;
  parent_id: string | null;
  body: string;
  author_user_id: string;
  author_name: string;
  author_role: string;
  created_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
}

const SELECT = `SELECT c.*, u.name AS author_name FROM review_comment c JOIN user_account u ON u.id = c.author_user_id`;
const toView = (r: CommentRow): ReviewCommentView => ({
  id: r.id,
  evaluationId: r.evaluation_id,
  submissionId: r.submission_id,
  pointer: r.pointer,
  visibility: r.visibility,
  parentId: r.parent_id,
  body: r.body,
  author: { userId: r.author_user_id, name: r.author_name, role: r.author_role },
  createdAt: r.created_at.toISOString(),
  resolvedAt: r.resolved_at ? r.resolved_at.toISOString() : null,
  resolvedBy: r.resolved_by,
});

/** Comments are written while the answers are being reviewed. */
const COMMENTABLE: readonly EvaluationStatus[] = ['submitted', 'under_review', 'clarification_requested', 'analysed'];

/**
 * Review comments. The committee (secretariat, Coordinator, rapporteurs) writes and reads all of
 * them; the state reads, and replies to, only the threads shared with it. Experts never reach
 * their own state's review, so never its committee-only comments.
 */
@Injectable()
export class ReviewComments {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: ReviewAccess,
    private readonly registry: QuestionnaireRegistry,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(caller: Caller, evaluationId: string, meta: RequestMeta): Promise<ReviewCommentView[]> {
    const manager = this.dataSource.manager;
    const evaluation = await findEvaluation(manager, evaluationId);
    const scope = await this.access.readScope(manager, caller, evaluation, meta);
    const rows: CommentRow[] = await manager.query(
      `${SELECT} WHERE c.evaluation_id = $1 ${scope === 'state' ? `AND c.visibility = 'state'` : ''} ORDER BY c.created_at, c.id`,
      [evaluation.id],
    );
    return rows.map(toView);
  }

  async add(caller: Caller, evaluationId: string, input: CommentInput, meta: RequestMeta): Promise<ReviewCommentView> {
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const evaluation = await findEvaluation(manager, evaluationId);
      const scope = await this.access.readScope(manager, caller, evaluation, meta);
      if (!COMMENTABLE.includes(evaluation.status))
        throw ruleConflict(
          REVIEW_RULES.review_not_open,
          { evaluationStatus: evaluation.status },
          { evaluationStatus: evaluation.status },
        );
      const parent = input.parentId ? await this.thread(manager, evaluation, input.parentId, scope) : null;
      if (scope === 'state' && !parent)
        throw new DomainError(
          'forbidden',
          'A state replies to the threads shared with it; it does not open review threads.',
        );
      const pointer = parent ? parent.pointer : (input.pointer ?? null);
      if (pointer !== null && !parent) await this.assertPointer(evaluation, pointer);
      const visibility = parent ? parent.visibility : (input.visibility ?? 'committee');
      const [latest]: Array<{ id: string }> = await manager.query(
        'SELECT id FROM submission WHERE evaluation_id = $1 ORDER BY version_number DESC LIMIT 1',
        [evaluation.id],
      );
      const [row]: Array<{ id: string }> = await manager.query(
        `INSERT INTO review_comment (evaluation_id, submission_id, pointer, visibility, parent_id, body, author_user_id, author_role, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          evaluation.id,
          latest?.id ?? null,
          pointer,
          visibility,
          parent?.id ?? null,
          input.body.trim(),
          caller.userId,
          caller.role,
          now,
        ],
      );
      await this.audit.record(manager, {
        actor: caller,
        action: 'review_comment.created',
        entity: { type: 'review_comment', id: row.id },
        summary: {
          evaluationId: evaluation.id,
          stateCode: evaluation.stateCode,
          pointer,
          visibility,
          parentId: parent?.id ?? null,
        },
        requestId: meta.requestId,
        at: now,
      });
      return this.one(manager, row.id);
    });
  }

  /** Resolves a thread (its first comment); the committee only. */
  async resolve(caller: Caller, commentId: string, meta: RequestMeta): Promise<ReviewCommentView> {
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{ evaluation_id: string; parent_id: string | null; resolved_at: Date | null }> = isUuid(
        commentId,
      )
        ? await manager.query(
            'SELECT evaluation_id, parent_id, resolved_at FROM review_comment WHERE id = $1 FOR UPDATE',
            [commentId],
          )
        : [];
      if (!rows[0]) throw new DomainError('not_found', 'Review comment was not found');
      const evaluation = await findEvaluation(manager, rows[0].evaluation_id);
      await this.access.assertCanSee(manager, caller, evaluation, meta);
      if (rows[0].parent_id) throw ruleConflict(REVIEW_RULES.resolve_thread_root, {}, { threadId: rows[0].parent_id });
      if (rows[0].resolved_at) throw ruleConflict(REVIEW_RULES.thread_already_resolved);
      await manager.query('UPDATE review_comment SET resolved_at = $2, resolved_by = $3 WHERE id = $1', [
        commentId,
        now,
        caller.userId,
      ]);
      await this.audit.record(manager, {
        actor: caller,
        action: 'review_comment.resolved',
        entity: { type: 'review_comment', id: commentId },
        summary: { evaluationId: evaluation.id, stateCode: evaluation.stateCode },
        requestId: meta.requestId,
        at: now,
      });
      return this.one(manager, commentId);
    });
  }

  private async thread(
    manager: EntityManager,
    evaluation: EvaluationRef,
    parentId: string,
    scope: 'committee' | 'state',
  ): Promise<CommentRow> {
    const rows: CommentRow[] = isUuid(parentId)
      ? await manager.query(`${SELECT} WHERE c.id = $1 AND c.evaluation_id = $2`, [parentId, evaluation.id])
      : [];
    const parent = rows[0];
    // A state never learns that a committee-only thread exists.
    if (!parent || (scope === 'state' && parent.visibility !== 'state'))
      throw fieldInvalid('/parentId', REVIEW_RULES.known_thread);
    if (parent.parent_id) throw fieldInvalid('/parentId', REVIEW_RULES.thread_root);
    if (parent.resolved_at) throw ruleConflict(REVIEW_RULES.thread_resolved);
    return parent;
  }

  private async assertPointer(evaluation: EvaluationRef, pointer: string): Promise<void> {
    const compiled = await this.registry.compiled(evaluation.questionnaireVersionId);
    if (!pointerInSchema(compiled.schema, pointer))
      throw fieldInvalid('/pointer', REVIEW_RULES.pointer_in_questionnaire, { pointer });
  }

  private async one(manager: EntityManager, id: string): Promise<ReviewCommentView> {
    const rows: CommentRow[] = await manager.query(`${SELECT} WHERE c.id = $1`, [id]);
    return toView(rows[0]);
  }
}
