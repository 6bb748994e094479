import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { RecipientDirectory } from '@mesecvi/deadlines';
import { ruleConflict } from '@mesecvi/errors';
import type { Caller, RequestMeta } from '@mesecvi/http';
import { Outbox } from '@mesecvi/mail';
import { EvaluationTransitions, EvaluationsService, type LockedEvaluation } from '@mesecvi/rounds';
import { StateParty, stateName } from '@mesecvi/states';
import { ClarificationRequest } from './clarification-request.entity';
import { DraftsRepository } from './drafts.repository';
import { EvaluationAccess } from './evaluation-access.service';
import { Submission } from './submission.entity';
import { SUBMISSION_RULES } from './submission-rules';
import type { ClarificationInput, ClarificationView } from './submission.schemas';
import { appRoutes, webLink } from '@mesecvi/web-links';

const toView = (c: ClarificationRequest): ClarificationView => ({
  id: c.id,
  evaluationId: c.evaluationId,
  message: c.message,
  dueDate: c.dueDate,
  basedOnSubmissionId: c.basedOnSubmissionId,
  requestedBy: c.requestedBy,
  requestedAt: c.requestedAt.toISOString(),
  answeredBySubmissionId: c.answeredBySubmissionId,
  answeredAt: c.answeredAt ? c.answeredAt.toISOString() : null,
});

/**
 * The clarification loop: a request moves the evaluation to `clarification_requested` and gives
 * the state a new draft derived from its last submitted version (the draft's version keeps
 * growing, so no old ETag can match it); its next submission answers the request. The state's
 * focal point and contributors are told through the outbox, each in their language.
 */
@Injectable()
export class ClarificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: EvaluationAccess,
    private readonly evaluations: EvaluationsService,
    private readonly transitions: EvaluationTransitions,
    private readonly drafts: DraftsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly recipients: RecipientDirectory,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async request(
    caller: Caller,
    evaluationId: string,
    input: ClarificationInput,
    meta: RequestMeta,
  ): Promise<ClarificationView> {
    const now = await this.clock.now();
    const { view, mailIds } = await this.dataSource.transaction(async (manager) =>
      this.requestInTransaction(
        manager,
        caller,
        await this.access.lockFor(manager, caller, evaluationId, meta),
        input,
        meta,
        now,
      ),
    );
    await this.outbox.wake(mailIds);
    return view;
  }

  /**
   * The same request on an evaluation the caller locked and authorised itself, in its transaction
   * (the reviews library: rapporteurs are committee-scoped, not state-scoped). The state's mails
   * are staged in that transaction; the worker's sweep sends them once it commits.
   */
  async requestLocked(
    manager: EntityManager,
    caller: Caller,
    evaluation: LockedEvaluation,
    input: ClarificationInput,
    meta: RequestMeta,
    now: Date,
  ): Promise<ClarificationView> {
    return (await this.requestInTransaction(manager, caller, evaluation, input, meta, now)).view;
  }

  private async requestInTransaction(
    manager: EntityManager,
    caller: Caller,
    evaluation: LockedEvaluation,
    input: ClarificationInput,
    meta: RequestMeta,
    now: Date,
  ): Promise<{ view: ClarificationView; mailIds: string[] }> {
    const evaluationId = evaluation.id;
    const fromStatus = evaluation.status;
    const last = await manager
      .getRepository(Submission)
      .findOne({ where: { evaluationId }, order: { versionNumber: 'DESC' } });
    if (!last)
      throw ruleConflict(
        SUBMISSION_RULES.clarification_needs_submission,
        { evaluationStatus: evaluation.status },
        { evaluationStatus: evaluation.status },
      );
    await this.transitions.apply(manager, evaluation, 'clarification_requested', {
      actor: caller,
      requestId: meta.requestId,
      now,
    });
    const draft = await this.drafts.row(manager, evaluationId);
    await this.drafts.write(
      manager,
      evaluationId,
      draft.version,
      JSON.parse(last.canonicalJson) as Record<string, unknown>,
      null,
      now,
    );
    const fields = {
      evaluationId,
      message: input.message.trim(),
      dueDate: input.dueDate ?? null,
      fromStatus,
      basedOnSubmissionId: last.id,
      requestedBy: caller.userId,
      requestedAt: now,
      answeredBySubmissionId: null,
      answeredAt: null,
    };
    const inserted = await manager.getRepository(ClarificationRequest).insert(fields);
    const view = toView({ ...fields, id: String(inserted.identifiers[0].id) });
    await this.audit.record(manager, {
      actor: caller,
      action: 'clarification_request.created',
      entity: { type: 'clarification_request', id: view.id },
      summary: {
        evaluationId,
        stateCode: evaluation.stateCode,
        basedOnSubmissionId: last.id,
        versionNumber: last.versionNumber,
        dueDate: view.dueDate,
      },
      requestId: meta.requestId,
      at: now,
    });
    const mailIds = await this.notifyState(manager, evaluation, view, last.versionNumber, now);
    return { view, mailIds };
  }

  /** One mail per focal point and contributor of the state, in their language (a skipped ledger row if there is nobody). */
  private async notifyState(
    manager: EntityManager,
    evaluation: LockedEvaluation,
    view: ClarificationView,
    versionNumber: number,
    now: Date,
  ): Promise<string[]> {
    const [round]: Array<{ name: string }> = await manager.query('SELECT name FROM round WHERE id = $1', [
      evaluation.roundId,
    ]);
    const state = (await manager.getRepository(StateParty).findOneBy({ code: evaluation.stateCode })) as StateParty;
    const people = [
      ...(await this.recipients.resolve(manager, 'focal_point', state.code)),
      ...(await this.recipients.resolve(manager, 'contributors', state.code)),
    ];
    return this.outbox.stageForEach(
      manager,
      people,
      {
        kind: 'submission',
        template: 'clarification_requested',
        stateCode: state.code,
        related: { type: 'clarification_request', id: view.id },
        dedupPrefix: `clarification:${view.id}`,
        nobody: {
          language: state.workingLanguage,
          role: 'state_focal_point',
          reason: `no active focal point or contributor for ${state.code}`,
        },
      },
      (person) => ({
        recipientName: person.name ?? stateName(state, person.language),
        roundName: round.name,
        stateName: stateName(state, person.language),
        versionNumber,
        message: view.message,
        dueDate: view.dueDate,
        link: webLink(this.config.http.publicBaseUrl, appRoutes.evaluation.path(evaluation.id)),
      }),
      now,
    );
  }

  async list(caller: Caller, evaluationId: string, meta: RequestMeta): Promise<ClarificationView[]> {
    await this.evaluations.get(caller, evaluationId, meta);
    const rows = await this.dataSource
      .getRepository(ClarificationRequest)
      .find({ where: { evaluationId }, order: { requestedAt: 'ASC' } });
    return rows.map(toView);
  }
}
