import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { checkPastDue, DeadlinesService, RecipientDirectory } from '@mesecvi/deadlines';
import { DomainError, ruleConflict } from '@mesecvi/errors';
import { ROUND_RULES } from './round-rules';
import type { Caller, RequestMeta } from '@mesecvi/http';
import { Outbox } from '@mesecvi/mail';
import { StateParty, stateName } from '@mesecvi/states';
import type { EvaluationView } from './evaluation.view';
import { EvaluationsService } from './evaluations.service';
import { ExtensionRequest } from './extension-request.entity';
import { isUuid } from '@mesecvi/http';
import type { ExtensionDecision, ExtensionRequestInput, ExtensionView } from './evaluation.schemas';
import { appRoutes, webLink } from '@mesecvi/web-links';

const toView = (r: ExtensionRequest): ExtensionView => ({
  id: r.id,
  evaluationId: r.evaluationId,
  requestedDate: r.requestedDate,
  justification: r.justification,
  status: r.status,
  grantedDate: r.grantedDate,
  decisionReason: r.decisionReason,
  requestedAt: r.requestedAt.toISOString(),
  decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
});

const OPEN_STATUSES = ['invited', 'drafting'];

/**
 * Extension requests as a workflow: the focal point asks with a justification; the secretariat
 * approves (possibly with another date) or refuses with a reason. Approval moves the response
 * deadline through the engine (new version, fresh ladder, history kept) and tells the state —
 * all in one transaction.
 */
@Injectable()
export class ExtensionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly evaluations: EvaluationsService,
    private readonly deadlines: DeadlinesService,
    private readonly recipients: RecipientDirectory,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(caller: Caller, evaluationId: string, meta: RequestMeta): Promise<ExtensionView[]> {
    await this.evaluations.get(caller, evaluationId, meta);
    const rows = await this.dataSource
      .getRepository(ExtensionRequest)
      .find({ where: { evaluationId }, order: { requestedAt: 'ASC' } });
    return rows.map(toView);
  }

  async request(
    caller: Caller,
    evaluationId: string,
    input: ExtensionRequestInput,
    meta: RequestMeta,
  ): Promise<ExtensionView> {
    const now = await this.clock.now();
    return this.dataSource
      .transaction(async (manager) => {
        const evaluation = await this.evaluations.get(caller, evaluationId, meta, manager);
        if (caller.role !== 'state_focal_point')
          throw new DomainError('forbidden', 'Only the national focal point requests an extension.');
        if (!OPEN_STATUSES.includes(evaluation.status)) {
          throw ruleConflict(ROUND_RULES.extension_before_submission, { status: evaluation.status });
        }
        const due = evaluation.responseDeadline?.dueDate;
        if (due && input.requestedDate <= due) {
          throw new DomainError('validation_failed', 'The requested date must be after the current due date.', {
            errors: [{ pointer: '/requestedDate', message: `must be after ${due}` }],
          });
        }
        const fields = {
          evaluationId,
          requestedDate: input.requestedDate,
          justification: input.justification.trim(),
          requestedBy: caller.userId,
          requestedAt: now,
          status: 'requested' as const,
          grantedDate: null,
          decisionReason: null,
          decidedBy: null,
          decidedAt: null,
        };
        const inserted = await manager.getRepository(ExtensionRequest).insert(fields);
        const row = { ...fields, id: String(inserted.identifiers[0].id) } as ExtensionRequest;
        await this.audit.record(manager, {
          actor: caller,
          action: 'extension.requested',
          entity: { type: 'extension_request', id: row.id },
          summary: { evaluationId, stateCode: evaluation.stateCode, requestedDate: input.requestedDate },
          requestId: meta.requestId,
          at: now,
        });
        return toView(row);
      })
      .catch((e: unknown) => {
        const err = e as { driverError?: { code?: string; constraint?: string } };
        if (err.driverError?.code === '23505' && err.driverError.constraint === 'UQ_extension_request_one_open') {
          throw ruleConflict(ROUND_RULES.one_open_extension_request);
        }
        throw e;
      });
  }

  async decide(
    caller: Caller,
    requestId: string,
    decision: ExtensionDecision,
    meta: RequestMeta,
  ): Promise<ExtensionView> {
    const now = await this.clock.now();
    const { view, mailIds } = await this.dataSource.transaction(async (manager) => {
      const row = isUuid(requestId)
        ? await manager
            .getRepository(ExtensionRequest)
            .createQueryBuilder('x')
            .setLock('pessimistic_write')
            .where('x.id = :id', { id: requestId })
            .getOne()
        : null;
      if (!row) throw new DomainError('not_found', 'Extension request was not found');
      if (row.status !== 'requested') throw ruleConflict(ROUND_RULES.extension_decided_once, { status: row.status });
      if (!decision.approve && !decision.reason) {
        throw new DomainError('validation_failed', 'A refusal gives its reason.', {
          errors: [{ pointer: '/reason', message: 'is required when refusing' }],
        });
      }
      const evaluation = await this.evaluations.get(caller, row.evaluationId, meta, manager);
      const deadlineId = evaluation.responseDeadline?.id;
      if (!deadlineId) throw new DomainError('conflict', 'This evaluation has no response deadline to move.');
      let dueDate = evaluation.responseDeadline?.dueDate as string;
      let confirmedPastDue = false;
      if (decision.approve) {
        dueDate = decision.grantedDate ?? row.requestedDate;
        if (dueDate <= (evaluation.responseDeadline?.dueDate as string)) {
          throw new DomainError('validation_failed', 'The granted date must be after the current due date.', {
            errors: [{ pointer: '/grantedDate', message: `must be after ${evaluation.responseDeadline?.dueDate}` }],
          });
        }
        confirmedPastDue = checkPastDue(
          '/grantedDate',
          dueDate,
          now,
          this.config.mechanism.timeZone,
          decision.confirmPastDue,
        );
        await this.deadlines.move(
          manager,
          deadlineId,
          { dueDate, reason: `extension granted (request ${row.id})` },
          { actor: caller, requestId: meta.requestId, now, confirmedPastDue },
        );
      }
      const status = decision.approve ? 'approved' : 'refused';
      await manager.getRepository(ExtensionRequest).update(
        { id: row.id },
        {
          status,
          grantedDate: decision.approve ? dueDate : null,
          decisionReason: decision.reason ?? null,
          decidedBy: caller.userId,
          decidedAt: now,
        },
      );
      await this.audit.record(manager, {
        actor: caller,
        action: `extension.${status}`,
        entity: { type: 'extension_request', id: row.id },
        summary: {
          evaluationId: row.evaluationId,
          stateCode: evaluation.stateCode,
          dueDate,
          ...(confirmedPastDue ? { confirmedPastDue: true } : {}),
        },
        requestId: meta.requestId,
        at: now,
      });
      const mailIds = await this.tellState(
        manager,
        evaluation,
        decision.approve,
        dueDate,
        decision.reason ?? null,
        now,
      );
      return {
        view: toView({
          ...row,
          status,
          grantedDate: decision.approve ? dueDate : null,
          decisionReason: decision.reason ?? null,
          decidedAt: now,
        }),
        mailIds,
      };
    });
    await this.outbox.wake(mailIds);
    return view;
  }

  private async tellState(
    manager: EntityManager,
    evaluation: EvaluationView,
    approved: boolean,
    dueDate: string,
    reason: string | null,
    now: Date,
  ): Promise<string[]> {
    const state = (await manager.getRepository(StateParty).findOneBy({ code: evaluation.stateCode })) as StateParty;
    const people = [
      ...(await this.recipients.resolve(manager, 'focal_point', state.code)),
      ...(await this.recipients.resolve(manager, 'contributors', state.code)),
    ];
    const ids: string[] = [];
    for (const person of people) {
      ids.push(
        await this.outbox.stage(
          manager,
          {
            kind: 'extension',
            template: 'extension_decided',
            language: person.language,
            to: {
              address: person.address,
              name: person.name ?? undefined,
              userId: person.userId ?? undefined,
              role: person.ledgerRole,
            },
            stateCode: state.code,
            related: { type: 'state_evaluation', id: evaluation.id },
            payload: {
              recipientName: person.name ?? stateName(state, person.language),
              roundName: evaluation.roundName,
              stateName: stateName(state, person.language),
              approved,
              dueDate,
              reason,
              link: webLink(this.config.http.publicBaseUrl, appRoutes.evaluation.path(evaluation.id)),
            },
          },
          now,
        ),
      );
    }
    return ids;
  }
}
