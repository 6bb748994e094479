import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { DomainError } from '@mesecvi/errors';
import type { Caller, RequestMeta } from '@mesecvi/http';
import { Outbox } from '@mesecvi/mail';
import { PolicyService } from '@mesecvi/policy';
import { StateParty } from '@mesecvi/states';
import { AppointmentDeadlines } from './appointment-deadlines.service';
import type { OpenRequestInput } from './appointment-inputs';
import { AppointmentRequestMailer } from './appointment-request-mailer';
import { AppointmentRequestTarget } from './appointment-request-target.entity';
import { AppointmentRequest } from './appointment-request.entity';
import {
  toRequestView,
  toTargetView,
  type AppointmentRequestView,
  type RequestTargetView,
} from './appointment-request.view';
import { fieldInvalid, ruleConflict } from './appointment-rules';
import type { AppointmentKind } from './appointment-vocabulary';
import { localDate } from './calendar';
import { isUuid } from '@mesecvi/http';
import { APPOINTMENT_RULES } from './appointment-rule-catalogue';

/**
 * The secretariat asks states to appoint or confirm seats: per state a target (pending →
 * answered | declined), mails to its contacts through the outbox, and a reply deadline whose
 * reminder ladder the deadlines engine runs until the state answers.
 */
@Injectable()
export class AppointmentRequests {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly mailer: AppointmentRequestMailer,
    private readonly deadlines: AppointmentDeadlines,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async open(input: OpenRequestInput, meta: RequestMeta): Promise<AppointmentRequestView> {
    const caller = this.secretariat(meta);
    const now = await this.clock.now();
    if (input.replyDate < localDate(now, this.config.mechanism.timeZone))
      throw fieldInvalid('/replyDate', APPOINTMENT_RULES.reply_date_not_past);
    const kinds = [...new Set(input.kinds)];
    const mailIds: string[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const states = await this.targetStates(manager, input.stateCodes);
      const request = manager.getRepository(AppointmentRequest).create({
        kinds,
        message: input.message ?? '',
        replyDate: input.replyDate,
        openedBy: caller.userId,
        openedAt: now,
      });
      await manager.getRepository(AppointmentRequest).insert(request);
      const ctx = { actor: caller, requestId: meta.requestId, now };
      const targets: AppointmentRequestTarget[] = [];
      for (const state of states) {
        const target = manager.getRepository(AppointmentRequestTarget).create({
          requestId: request.id,
          stateCode: state.code,
          status: 'pending',
          answeredKinds: [],
          answeredAt: null,
          declinedAt: null,
          declineNote: null,
          sentCount: 1,
          lastSentAt: now,
          deadlineId: null,
        });
        await manager.getRepository(AppointmentRequestTarget).insert(target);
        target.deadlineId = await this.deadlines.openReply(manager, target.id, state.code, input.replyDate, ctx);
        await manager
          .getRepository(AppointmentRequestTarget)
          .update({ id: target.id }, { deadlineId: target.deadlineId });
        mailIds.push(...(await this.mailer.stage(manager, request, target, state, false, now)));
        targets.push(target);
      }
      await this.audit.record(manager, {
        actor: caller,
        action: 'appointment_request.opened',
        entity: { type: 'appointment_request', id: request.id },
        summary: { kinds, replyDate: input.replyDate, states: states.map((s) => s.code) },
        requestId: meta.requestId,
        at: now,
      });
      return toRequestView(request, targets, true);
    });
    await this.outbox.wake(mailIds);
    return result;
  }

  async list(): Promise<AppointmentRequestView[]> {
    const requests = await this.dataSource.getRepository(AppointmentRequest).find({ order: { openedAt: 'DESC' } });
    const targets = requests.length
      ? await this.dataSource
          .getRepository(AppointmentRequestTarget)
          .find({ where: { requestId: In(requests.map((r) => r.id)) } })
      : [];
    return requests.map((r) =>
      toRequestView(
        r,
        targets.filter((t) => t.requestId === r.id),
        false,
      ),
    );
  }

  async get(id: string): Promise<AppointmentRequestView> {
    const request = await this.find(this.dataSource.manager, id);
    const targets = await this.dataSource
      .getRepository(AppointmentRequestTarget)
      .find({ where: { requestId: request.id } });
    return toRequestView(request, targets, true);
  }

  /** Mails the request again to its pending states (all, or those named); each re-send is counted and audited. */
  async resend(id: string, stateCodes: string[] | undefined, meta: RequestMeta): Promise<RequestTargetView[]> {
    const caller = this.secretariat(meta);
    const now = await this.clock.now();
    const mailIds: string[] = [];
    const views = await this.dataSource.transaction(async (manager) => {
      const request = await this.find(manager, id);
      const targets = await this.lockTargets(manager, request.id, stateCodes);
      const pending = targets.filter((t) => t.status === 'pending');
      if (pending.length === 0) throw ruleConflict(APPOINTMENT_RULES.nothing_pending);
      const out: RequestTargetView[] = [];
      for (const target of pending) {
        const state = await manager.getRepository(StateParty).findOneByOrFail({ code: target.stateCode });
        target.sentCount += 1;
        target.lastSentAt = now;
        await manager
          .getRepository(AppointmentRequestTarget)
          .update({ id: target.id }, { sentCount: target.sentCount, lastSentAt: now });
        mailIds.push(...(await this.mailer.stage(manager, request, target, state, true, now)));
        await this.audit.record(manager, {
          actor: caller,
          action: 'appointment_request.resent',
          entity: { type: 'appointment_request_target', id: target.id },
          summary: { requestId: request.id, stateCode: target.stateCode, sentCount: target.sentCount },
          requestId: meta.requestId,
          at: now,
        });
        out.push(toTargetView(target));
      }
      return out;
    });
    await this.outbox.wake(mailIds);
    return views;
  }

  /** The state answered that it will not appoint (recorded by the secretariat): its reminders stop. */
  async decline(
    id: string,
    stateCode: string,
    note: string | undefined,
    meta: RequestMeta,
  ): Promise<RequestTargetView> {
    const caller = this.secretariat(meta);
    // Anything but three letters is no state of the request (and never reaches SQL).
    if (!/^[A-Za-z]{3}$/.test(stateCode))
      throw new DomainError('not_found', 'No such state party is part of this request');
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const request = await this.find(manager, id);
      const target = await manager
        .getRepository(AppointmentRequestTarget)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.request_id = :requestId AND t.state_code = :code', {
          requestId: request.id,
          code: stateCode.toUpperCase(),
        })
        .getOne();
      if (!target) throw new DomainError('not_found', `State party ${stateCode} is not part of this request`);
      if (target.status !== 'pending')
        throw ruleConflict(APPOINTMENT_RULES.target_not_pending, {
          stateCode: target.stateCode,
          targetStatus: target.status,
        });
      await manager
        .getRepository(AppointmentRequestTarget)
        .update({ id: target.id }, { status: 'declined', declinedAt: now, declineNote: note ?? null });
      await this.deadlines.closeReply(manager, target.deadlineId, 'the state declined', {
        actor: caller,
        requestId: meta.requestId,
        now,
      });
      await this.audit.record(manager, {
        actor: caller,
        action: 'appointment_request.declined',
        entity: { type: 'appointment_request_target', id: target.id },
        summary: { requestId: request.id, stateCode: target.stateCode },
        requestId: meta.requestId,
        at: now,
      });
      return toTargetView({ ...target, status: 'declined', declinedAt: now, declineNote: note ?? null });
    });
  }

  /**
   * Called in the transaction that records an appointment: the seat counts as answered for each
   * of the state's pending requests asking for it; a request whose seats are all answered is done
   * and its reply deadline completes (its reminders stop).
   */
  async answerWithin(
    manager: EntityManager,
    stateCode: string,
    kind: AppointmentKind,
    meta: RequestMeta,
    now: Date,
  ): Promise<void> {
    const targets = await manager
      .getRepository(AppointmentRequestTarget)
      .createQueryBuilder('t')
      .innerJoinAndSelect('t.request', 'r')
      .setLock('pessimistic_write', undefined, ['t'])
      .where(`t.state_code = :code AND t.status = 'pending' AND :kind = ANY(r.kinds)`, { code: stateCode, kind })
      .getMany();
    for (const target of targets) {
      const answeredKinds = [...new Set([...target.answeredKinds, kind])];
      const done = (target.request?.kinds ?? []).every((k) => answeredKinds.includes(k));
      await manager
        .getRepository(AppointmentRequestTarget)
        .update(
          { id: target.id },
          { answeredKinds, ...(done ? { status: 'answered' as const, answeredAt: now } : {}) },
        );
      if (!done) continue;
      await this.deadlines.closeReply(manager, target.deadlineId, 'appointment recorded', {
        actor: meta.caller,
        requestId: meta.requestId,
        now,
      });
      await this.audit.record(manager, {
        actor: meta.caller,
        action: 'appointment_request.answered',
        entity: { type: 'appointment_request_target', id: target.id },
        summary: { requestId: target.requestId, stateCode, kinds: answeredKinds },
        requestId: meta.requestId,
        at: now,
      });
    }
  }

  private secretariat(meta: RequestMeta): Caller {
    if (!meta.caller || !this.policy.canRecordAppointments(meta.caller))
      throw new DomainError('forbidden', 'Only the secretariat manages appointment requests.');
    return meta.caller;
  }

  private async find(manager: EntityManager, id: string): Promise<AppointmentRequest> {
    const request = isUuid(id) ? await manager.getRepository(AppointmentRequest).findOneBy({ id }) : null;
    if (!request) throw new DomainError('not_found', 'Appointment request was not found');
    return request;
  }

  /** Every state named must exist; none named = every state party. */
  private async targetStates(manager: EntityManager, codes: string[] | undefined): Promise<StateParty[]> {
    const repo = manager.getRepository(StateParty);
    if (!codes) return repo.find({ order: { code: 'ASC' } });
    const wanted = [...new Set(codes.map((c) => c.toUpperCase()))];
    const found = await repo.find({ where: { code: In(wanted) }, order: { code: 'ASC' } });
    const unknown = wanted.filter((c) => !found.some((s) => s.code === c));
    if (unknown.length > 0) {
      throw new DomainError('validation_failed', `Unknown state party code(s): ${unknown.join(', ')}.`, {
        errors: unknown.map((c) => ({
          pointer: `/stateCodes/${codes.findIndex((x) => x.toUpperCase() === c)}`,
          keyword: 'known_state',
          message: `${c} is not a state party`,
        })),
        extensions: { rule: 'known_state' },
      });
    }
    return found;
  }

  private async lockTargets(
    manager: EntityManager,
    requestId: string,
    stateCodes: string[] | undefined,
  ): Promise<AppointmentRequestTarget[]> {
    const query = manager
      .getRepository(AppointmentRequestTarget)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.request_id = :requestId', { requestId });
    const wanted = stateCodes ? [...new Set(stateCodes.map((c) => c.toUpperCase()))] : null;
    if (wanted) query.andWhere('t.state_code = ANY(:codes)', { codes: wanted });
    const targets = await query.orderBy('t.state_code', 'ASC').getMany();
    const missing = wanted ? wanted.filter((c) => !targets.some((t) => t.stateCode === c)) : [];
    if (missing.length > 0)
      throw fieldInvalid('/stateCodes', APPOINTMENT_RULES.state_in_request, { stateCodes: missing.join(', ') });
    return targets;
  }
}
