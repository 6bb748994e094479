import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { DeadlinesService } from '@mesecvi/deadlines';
import { DomainError, ruleConflict } from '@mesecvi/errors';
import type { Caller, Language, RequestMeta } from '@mesecvi/http';
import { Outbox } from '@mesecvi/mail';
import { QuestionnaireRegistry, answersInvalid, canonicalJson } from '@mesecvi/questionnaires';
import {
  EvaluationTransitions,
  EvaluationsService,
  type EvaluationEvent,
  type LockedEvaluation,
} from '@mesecvi/rounds';
import { diffAnswers } from './answers-diff';
import { ClarificationAnsweredHooks } from './clarification-answered.hooks';
import { ClarificationRequest } from './clarification-request.entity';
import { checkDocumentShape } from './document-limits';
import { DraftsRepository } from './drafts.repository';
import { DraftsService } from './drafts.service';
import { staleDraft } from './etag';
import { EvaluationAccess } from './evaluation-access.service';
import { EvidenceAttachmentsService } from './evidence-attachments.service';
import { checkIdempotencyKey, replayedAnswer, requestFingerprint } from './idempotency';
import { SubmissionNotice } from './submission-notice.service';
import { Submission } from './submission.entity';
import { submissionTiming, type SubmissionTiming } from './submission-timing';
import { toSubmissionView, type SubmissionView, type SubmitResult } from './submission.view';
import { VALIDATOR_VERSION } from './validator-version';
import { SUBMISSION_RULES } from './submission-rules';
import type { SubmissionDiff, SubmissionWithAnswers, SubmitInput } from './submission.schemas';

export interface SubmitOptions {
  idempotencyKey?: string;
  /** Optional (from If-Match): submit only if the draft is still at this version. */
  expectedVersion?: number;
}

const isUniqueViolation = (e: unknown, constraint: string): boolean =>
  e instanceof QueryFailedError &&
  (e as QueryFailedError & { code?: string; constraint?: string }).code === '23505' &&
  (e as { constraint?: string }).constraint === constraint;

/**
 * Submitting a state's answers: strict validation against the evaluation's frozen questionnaire
 * version, an immutable version (canonical JSON + sha256), on time or late, the status machine,
 * the response deadline completed, the secretariat told — in one transaction.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: EvaluationAccess,
    private readonly evaluations: EvaluationsService,
    private readonly transitions: EvaluationTransitions,
    private readonly drafts: DraftsService,
    private readonly draftRows: DraftsRepository,
    private readonly registry: QuestionnaireRegistry,
    private readonly evidence: EvidenceAttachmentsService,
    private readonly deadlines: DeadlinesService,
    private readonly notice: SubmissionNotice,
    private readonly clarificationAnswered: ClarificationAnsweredHooks,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async submit(
    caller: Caller,
    evaluationId: string,
    input: SubmitInput,
    options: SubmitOptions,
    meta: RequestMeta,
  ): Promise<{ result: SubmitResult; replayed: boolean }> {
    const key = checkIdempotencyKey(options.idempotencyKey);
    const fingerprint = requestFingerprint({ evaluationId, input, ifMatch: options.expectedVersion ?? null });
    if (key) {
      const earlier = await replayedAnswer<SubmitResult>(this.dataSource.manager, caller.userId, key, fingerprint);
      if (earlier) return { result: earlier, replayed: true };
    }
    const now = await this.clock.now();
    try {
      const outcome = await this.dataSource.transaction(async (manager) => {
        const evaluation = await this.access.lockFor(manager, caller, evaluationId, meta);
        // A concurrent request with the same key waited on the lock above: it now sees the first answer.
        const earlier = key ? await replayedAnswer<SubmitResult>(manager, caller.userId, key, fingerprint) : null;
        if (earlier) return { result: earlier, replayed: true, mailIds: [] as string[] };
        this.checkSubmitter(caller, input);
        const { result, mailIds } = await this.freeze(manager, caller, evaluation, input, options, meta, now);
        if (key) {
          await manager.query(
            'INSERT INTO submission_idempotency (user_id, idempotency_key, request_hash, submission_id, response, created_at) VALUES ($1, $2, $3, $4, $5::jsonb, $6)',
            [caller.userId, key, fingerprint, result.id, JSON.stringify(result), now],
          );
        }
        return { result, replayed: false, mailIds };
      });
      await this.outbox.wake(outcome.mailIds);
      return { result: outcome.result, replayed: outcome.replayed };
    } catch (e) {
      // The same key raced on another evaluation: the first one's answer (or a 409) decides.
      if (key && isUniqueViolation(e, 'PK_submission_idempotency')) {
        const earlier = await replayedAnswer<SubmitResult>(this.dataSource.manager, caller.userId, key, fingerprint);
        if (earlier) return { result: earlier, replayed: true };
      }
      throw e;
    }
  }

  private checkSubmitter(caller: Caller, input: SubmitInput): void {
    if (caller.role === 'secretariat' && !input.onBehalf) {
      throw new DomainError(
        'validation_failed',
        "The secretariat records answers on a state's behalf: say how they arrived.",
        {
          errors: [
            {
              pointer: '/onBehalf',
              message: 'is required when the secretariat submits (channel and reference of the note or e-mail)',
            },
          ],
        },
      );
    }
    if (caller.role !== 'secretariat' && input.onBehalf) {
      throw new DomainError('validation_failed', "Only the secretariat records answers on a state's behalf.", {
        errors: [{ pointer: '/onBehalf', message: 'is for the secretariat only' }],
      });
    }
    if (caller.role !== 'secretariat' && caller.role !== 'state_focal_point') {
      throw new DomainError('forbidden', 'Only the national focal point submits the answers.');
    }
  }

  private async freeze(
    manager: EntityManager,
    caller: Caller,
    evaluation: LockedEvaluation,
    input: SubmitInput,
    options: SubmitOptions,
    meta: RequestMeta,
    now: Date,
  ): Promise<{ result: SubmitResult; mailIds: string[] }> {
    const clarification =
      evaluation.status === 'clarification_requested' ? await this.openClarification(manager, evaluation.id) : null;
    const event = this.eventFor(evaluation, clarification);
    const draft = await this.draftRows.row(manager, evaluation.id);
    if (options.expectedVersion !== undefined && options.expectedVersion !== draft.version)
      throw staleDraft(draft.version);
    checkDocumentShape(draft.document, this.drafts.documentLimits);
    const strict = await this.registry.validate(
      evaluation.questionnaireVersionId,
      draft.document,
      'strict',
      caller.language,
    );
    const attachments = await this.evidence.referenceProblems(
      manager,
      evaluation.stateCode,
      draft.document,
      evaluation.questionnaireVersionId,
      caller.language,
    );
    if (!strict.valid || attachments.length > 0) {
      const error = answersInvalid(strict, 'The answers are not complete or not valid; nothing was submitted.');
      error.options.errors = [...(error.options.errors ?? []), ...attachments];
      throw error;
    }
    const canonical = canonicalJson(draft.document);
    const timing = await this.timing(manager, evaluation, clarification, now);
    const [{ next }]: Array<{ next: number }> = await manager.query(
      'SELECT COALESCE(MAX(version_number), 0) + 1 AS next FROM submission WHERE evaluation_id = $1',
      [evaluation.id],
    );
    const row = {
      evaluationId: evaluation.id,
      versionNumber: next,
      event,
      questionnaireVersionId: evaluation.questionnaireVersionId,
      validatorVersion: VALIDATOR_VERSION,
      canonicalJson: canonical,
      sha256: createHash('sha256').update(canonical, 'utf8').digest('hex'),
      submittedBy: caller.userId,
      submittedByRole: caller.role,
      submittedAt: now,
      onBehalfChannel: input.onBehalf?.channel ?? null,
      onBehalfReference: input.onBehalf?.reference.trim() ?? null,
      dueDate: timing.dueDate,
      onTime: timing.onTime,
      daysLate: timing.daysLate,
    };
    const inserted = await manager.getRepository(Submission).insert(row);
    const view = toSubmissionView({ ...row, id: String(inserted.identifiers[0].id) });
    const ctx = { actor: caller, requestId: meta.requestId, now };
    const status = await this.transitions.apply(manager, evaluation, event, ctx, {
      submissionId: view.id,
      versionNumber: view.versionNumber,
    });
    // The awaited answers arrived: the response deadline's reminders stop (a no-op once completed).
    if (event === 'submit' && evaluation.responseDeadlineId)
      await this.deadlines.complete(
        manager,
        evaluation.responseDeadlineId,
        ctx,
        `answers submitted (version ${view.versionNumber})`,
      );
    if (clarification)
      await manager
        .getRepository(ClarificationRequest)
        .update({ id: clarification.id }, { answeredBySubmissionId: view.id, answeredAt: now });
    // A clarification's deadline (rapporteurs set one through the reviews library) stops with the answer.
    const clarificationDeadline = clarification
      ? await this.deadlines.findForSubject(
          manager,
          'clarification',
          { type: 'clarification_request', id: clarification.id },
          evaluation.stateCode,
        )
      : null;
    if (clarificationDeadline)
      await this.deadlines.complete(
        manager,
        clarificationDeadline.id,
        ctx,
        `clarification answered (version ${view.versionNumber})`,
      );
    await this.audit.record(manager, {
      actor: caller,
      action: 'submission.created',
      entity: { type: 'submission', id: view.id },
      summary: {
        evaluationId: evaluation.id,
        stateCode: evaluation.stateCode,
        versionNumber: view.versionNumber,
        sha256: view.sha256,
        onTime: view.onTime,
        daysLate: view.daysLate,
        onBehalfChannel: view.onBehalf?.channel ?? null,
      },
      requestId: meta.requestId,
      at: now,
    });
    const mailIds = await this.notice.stage(manager, evaluation.stateCode, view, now);
    if (clarification)
      mailIds.push(
        ...(await this.clarificationAnswered.run(
          manager,
          {
            evaluationId: evaluation.id,
            stateCode: evaluation.stateCode,
            submissionId: view.id,
            versionNumber: view.versionNumber,
          },
          now,
        )),
      );
    return { result: { ...view, evaluationStatus: status }, mailIds };
  }

  private eventFor(evaluation: LockedEvaluation, clarification: ClarificationRequest | null): EvaluationEvent {
    if (evaluation.status === 'invited' || evaluation.status === 'drafting') return 'submit';
    if (evaluation.status === 'clarification_requested')
      return clarification?.fromStatus === 'under_review'
        ? 'resubmit_with_rapporteurs'
        : 'resubmit_without_rapporteurs';
    throw ruleConflict(
      SUBMISSION_RULES.submission_status,
      { evaluationStatus: evaluation.status },
      { evaluationStatus: evaluation.status },
    );
  }

  /** A first submission counts against the response deadline; a resubmission against the clarification's date, if it has one. */
  private async timing(
    manager: EntityManager,
    evaluation: LockedEvaluation,
    clarification: ClarificationRequest | null,
    now: Date,
  ): Promise<SubmissionTiming> {
    if (clarification)
      return submissionTiming(
        now,
        clarification.dueDate ? { dueDate: clarification.dueDate, timeZone: this.config.mechanism.timeZone } : null,
      );
    if (!evaluation.responseDeadlineId) return submissionTiming(now, null);
    const deadline = await this.deadlines.get(manager, evaluation.responseDeadlineId);
    return submissionTiming(now, { dueDate: deadline.dueDate, timeZone: deadline.timeZone });
  }

  private openClarification(manager: EntityManager, evaluationId: string): Promise<ClarificationRequest | null> {
    return manager
      .getRepository(ClarificationRequest)
      .createQueryBuilder('c')
      .where('c.evaluationId = :evaluationId AND c.answeredAt IS NULL', { evaluationId })
      .getOne();
  }

  async list(caller: Caller, evaluationId: string, meta: RequestMeta): Promise<SubmissionView[]> {
    await this.evaluations.get(caller, evaluationId, meta);
    const rows = await this.dataSource
      .getRepository(Submission)
      .find({ where: { evaluationId }, order: { versionNumber: 'ASC' } });
    return rows.map(toSubmissionView);
  }

  async version(
    caller: Caller,
    evaluationId: string,
    versionNumber: number,
    meta: RequestMeta,
  ): Promise<SubmissionWithAnswers> {
    await this.evaluations.get(caller, evaluationId, meta);
    const row = await this.find(evaluationId, versionNumber);
    return { ...toSubmissionView(row), answers: JSON.parse(row.canonicalJson) as Record<string, unknown> };
  }

  /** What changed from one submitted version to another, by JSON pointer, with the questions' labels. */
  async diff(
    caller: Caller,
    evaluationId: string,
    from: number,
    to: number,
    meta: RequestMeta,
  ): Promise<SubmissionDiff> {
    await this.evaluations.get(caller, evaluationId, meta);
    return this.diffOf(evaluationId, from, to, caller.language);
  }

  /**
   * The diff with no access check, for a caller already authorized another way (an expert through
   * the review policy, in libs/reviews).
   */
  async diffOf(evaluationId: string, from: number, to: number, language: Language): Promise<SubmissionDiff> {
    const [a, b] = [await this.find(evaluationId, from), await this.find(evaluationId, to)];
    const texts = (await this.registry.compiled(b.questionnaireVersionId)).textsIn(language);
    const changes = diffAnswers(
      JSON.parse(a.canonicalJson),
      JSON.parse(b.canonicalJson),
      (id) => texts.items[id]?.label ?? null,
    );
    return { from: toSubmissionView(a), to: toSubmissionView(b), changes };
  }

  private async find(evaluationId: string, versionNumber: number): Promise<Submission> {
    const row =
      Number.isSafeInteger(versionNumber) && versionNumber > 0
        ? await this.dataSource.getRepository(Submission).findOneBy({ evaluationId, versionNumber })
        : null;
    if (!row) throw new DomainError('not_found', `Submitted version ${versionNumber} was not found`);
    return row;
  }
}
