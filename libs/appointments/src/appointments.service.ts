import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { InvitationsService, UserAccount } from '@mesecvi/accounts';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { DomainError } from '@mesecvi/errors';
import type { Caller, RequestMeta } from '@mesecvi/http';
import { Outbox } from '@mesecvi/mail';
import { PolicyService } from '@mesecvi/policy';
import { StateParty } from '@mesecvi/states';
import { AppointmentDeadlines } from './appointment-deadlines.service';
import { AppointmentEndings } from './appointment-endings.service';
import { rethrowAsConflict } from './appointment-errors';
import type { RecordAppointmentInput } from './appointment-inputs';
import { AppointmentProposal } from './appointment-proposal.entity';
import { AppointmentRequests } from './appointment-requests.service';
import { assertNoOverlap, assertReplaces, assertTerm, fieldInvalid, ruleConflict } from './appointment-rules';
import { Appointment } from './appointment.entity';
import { lockState } from './state-lock';
import { toAppointmentView, type AppointmentView } from './appointment.view';
import { isoDate, localDate } from './calendar';
import { isUuid } from '@mesecvi/http';
import { APPOINTMENT_RULES } from './appointment-rule-catalogue';

/** Recording, ending and reading appointments (experts and focal points). */
@Injectable()
export class AppointmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly invitations: InvitationsService,
    private readonly endings: AppointmentEndings,
    private readonly requests: AppointmentRequests,
    private readonly deadlines: AppointmentDeadlines,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Records a state's notification. In one transaction, serialised per state by locking its row:
   * checks the seat (replacesId names the active holder, or none), ends the replaced appointment
   * on the new start date, gives the person their account (invitation mail), answers the state's
   * pending requests for this seat and stops their reminders.
   */
  async record(input: RecordAppointmentInput, meta: RequestMeta): Promise<AppointmentView> {
    const caller = this.secretariat(meta);
    assertTerm(input.termStart, input.termEnd);
    const now = await this.clock.now();
    const today = localDate(now, this.config.mechanism.timeZone);
    if (input.termEnd && input.termEnd <= today) throw fieldInvalid('/termEnd', APPOINTMENT_RULES.term_end_in_future);
    const mailIds: string[] = [];
    const view = await this.dataSource
      .transaction(async (manager) => {
        const state = await lockState(manager, input.stateCode);
        const current = await manager
          .getRepository(Appointment)
          .createQueryBuilder('a')
          .setLock('pessimistic_write')
          .where(`a.state_code = :code AND a.kind = :kind AND a.status = 'active'`, {
            code: state.code,
            kind: input.kind,
          })
          .getOne();
        const holder = current ? { id: current.id, termStart: isoDate(current.termStart) } : null;
        assertReplaces(input.kind, state.code, holder, input.replacesId);
        const previous: Array<{ latest: string | null }> = await manager.query(
          `SELECT max(term_end)::text AS latest FROM appointment WHERE state_code = $1 AND kind = $2 AND status = 'ended'`,
          [state.code, input.kind],
        );
        assertNoOverlap(input.termStart, holder, previous[0]?.latest ?? null);
        const proposal = input.proposalId
          ? await this.openProposal(manager, input.proposalId, state.code, input.kind)
          : null;

        const account = await this.invitations.provisionWithin(
          manager,
          {
            email: input.person.email,
            name: input.person.name,
            role: input.kind === 'focal_point' ? 'state_focal_point' : 'committee_expert',
            stateCode: state.code,
            preferredLanguage: input.person.language ?? null,
            replacesUserId: input.kind === 'focal_point' ? await currentFocalPointId(manager, state.code) : undefined,
          },
          meta,
          now,
        );
        if (account.mailId) mailIds.push(account.mailId);

        const ctx = { actor: caller, requestId: meta.requestId, now };
        if (current) {
          await this.endings.end(manager, current, 'replaced', input.termStart, meta, now);
          // Access stops on the new start date: now if it has come, else by the end timer.
          if (input.termStart <= today) {
            if (current.userId !== account.userId) await this.endings.closeAccess(manager, current, meta, now);
            await this.deadlines.planEnd(manager, current.id, state.code, null, 'replaced', ctx);
          } else {
            await this.deadlines.planEnd(manager, current.id, state.code, input.termStart, 'replaced', ctx);
          }
        }

        const appointment = manager.getRepository(Appointment).create({
          stateCode: state.code,
          kind: input.kind,
          personName: input.person.name.trim(),
          personEmail: input.person.email.trim().toLowerCase(),
          personLanguage: input.person.language ?? null,
          cvReference: input.cvReference ?? null,
          noteReference: input.noteReference.trim(),
          notifiedOn: input.notifiedOn,
          termStart: input.termStart,
          termEnd: input.termEnd ?? null,
          status: 'active',
          endReason: null,
          replacesId: current?.id ?? null,
          userId: account.userId,
          proposalId: proposal?.id ?? null,
          recordedBy: caller.userId,
          recordedAt: now,
          endedAt: null,
        });
        await manager.getRepository(Appointment).insert(appointment);
        if (proposal)
          await manager
            .getRepository(AppointmentProposal)
            .update({ id: proposal.id }, { status: 'confirmed', decidedAt: now });
        await this.audit.record(manager, {
          actor: caller,
          action: 'appointment.recorded',
          entity: { type: 'appointment', id: appointment.id },
          summary: {
            stateCode: state.code,
            kind: input.kind,
            replacesId: current?.id ?? null,
            proposalId: proposal?.id ?? null,
            account: account.outcome,
          },
          requestId: meta.requestId,
          at: now,
        });
        if (appointment.termEnd)
          await this.deadlines.planEnd(
            manager,
            appointment.id,
            state.code,
            appointment.termEnd,
            'term end recorded',
            ctx,
          );
        await this.requests.answerWithin(manager, state.code, input.kind, meta, now);
        return toAppointmentView(appointment);
      })
      .catch(rethrowAsConflict);
    await this.outbox.wake(mailIds);
    return view;
  }

  /**
   * Sets the end of an active appointment's term: on or before today it ends now and access
   * stops; a later date is planned and the deadline-passed handler ends it on that date.
   */
  async end(id: string, endDate: string, meta: RequestMeta): Promise<AppointmentView> {
    const caller = this.secretariat(meta);
    const now = await this.clock.now();
    const today = localDate(now, this.config.mechanism.timeZone);
    return this.dataSource.transaction(async (manager) => {
      const appointment = await this.lockActive(manager, id, meta);
      assertTerm(isoDate(appointment.termStart), endDate, '/endDate');
      const ctx = { actor: caller, requestId: meta.requestId, now };
      if (endDate <= today) {
        await this.endings.end(manager, appointment, 'term_end', endDate, meta, now);
        await this.endings.closeAccess(manager, appointment, meta, now);
        await this.deadlines.planEnd(
          manager,
          appointment.id,
          appointment.stateCode,
          null,
          'ended by the secretariat',
          ctx,
        );
      } else {
        await manager.getRepository(Appointment).update({ id }, { termEnd: endDate, version: () => 'version + 1' });
        await this.audit.record(manager, {
          actor: caller,
          action: 'appointment.end_planned',
          entity: { type: 'appointment', id },
          summary: { stateCode: appointment.stateCode, kind: appointment.kind, endDate },
          requestId: meta.requestId,
          at: now,
        });
        await this.deadlines.planEnd(
          manager,
          appointment.id,
          appointment.stateCode,
          endDate,
          'end date set by the secretariat',
          ctx,
        );
      }
      return toAppointmentView(await manager.getRepository(Appointment).findOneByOrFail({ id }));
    });
  }

  /** A notification withdrawn (or recorded in error): the seat is empty again, access stops now. */
  async withdraw(id: string, meta: RequestMeta): Promise<AppointmentView> {
    const caller = this.secretariat(meta);
    const now = await this.clock.now();
    const today = localDate(now, this.config.mechanism.timeZone);
    return this.dataSource.transaction(async (manager) => {
      const appointment = await this.lockActive(manager, id, meta);
      await this.endings.end(manager, appointment, 'withdrawn', today, meta, now);
      await this.endings.closeAccess(manager, appointment, meta, now);
      await this.deadlines.planEnd(manager, appointment.id, appointment.stateCode, null, 'withdrawn', {
        actor: caller,
        requestId: meta.requestId,
        now,
      });
      return toAppointmentView(await manager.getRepository(Appointment).findOneByOrFail({ id }));
    });
  }

  /**
   * The deadline-passed handler of `appointment_end`: the term is over. Idempotent; a replaced
   * appointment (already ended) only loses its access here.
   */
  async runTermEnd(manager: EntityManager, appointmentId: string, now: Date): Promise<void> {
    const appointment = await manager
      .getRepository(Appointment)
      .createQueryBuilder('a')
      .setLock('pessimistic_write')
      .where('a.id = :id', { id: appointmentId })
      .getOne();
    if (!appointment || appointment.status === 'withdrawn') return;
    const meta: RequestMeta = { requestId: `deadline:${appointmentId}`, caller: null };
    if (appointment.status === 'active') {
      const endDate = appointment.termEnd
        ? isoDate(appointment.termEnd)
        : localDate(now, this.config.mechanism.timeZone);
      await this.endings.end(manager, appointment, 'term_end', endDate, meta, now);
    }
    await this.endings.closeAccess(manager, appointment, meta, now);
  }

  async get(caller: Caller, id: string, meta: RequestMeta): Promise<AppointmentView> {
    const appointment = isUuid(id) ? await this.dataSource.getRepository(Appointment).findOneBy({ id }) : null;
    if (!appointment) throw new DomainError('not_found', 'Appointment was not found');
    this.policy.assertAppointments(caller, appointment.stateCode, meta);
    return toAppointmentView(appointment);
  }

  /** Every appointment of a state, every seat, newest term first: the state's history. */
  async history(caller: Caller, stateCode: string, meta: RequestMeta): Promise<AppointmentView[]> {
    const code = stateCode.toUpperCase();
    this.policy.assertAppointments(caller, code, meta);
    const exists = await this.dataSource.getRepository(StateParty).existsBy({ code });
    if (!exists) throw new DomainError('not_found', `State party ${stateCode} was not found`);
    const rows = await this.dataSource
      .getRepository(Appointment)
      .createQueryBuilder('a')
      .where('a.state_code = :code', { code })
      .orderBy('a.kind', 'DESC')
      .addOrderBy('a.term_start', 'DESC')
      .addOrderBy('a.recorded_at', 'DESC')
      .getMany();
    return rows.map(toAppointmentView);
  }

  private secretariat(meta: RequestMeta): Caller {
    if (!meta.caller || !this.policy.canRecordAppointments(meta.caller))
      throw new DomainError('forbidden', 'Only the secretariat records appointments.');
    return meta.caller;
  }

  private async lockActive(manager: EntityManager, id: string, meta: RequestMeta): Promise<Appointment> {
    const appointment = isUuid(id)
      ? await manager
          .getRepository(Appointment)
          .createQueryBuilder('a')
          .setLock('pessimistic_write')
          .where('a.id = :id', { id })
          .getOne()
      : null;
    if (!appointment) throw new DomainError('not_found', 'Appointment was not found');
    if (meta.caller) this.policy.assertAppointments(meta.caller, appointment.stateCode, meta);
    if (appointment.status !== 'active')
      throw ruleConflict(APPOINTMENT_RULES.appointment_not_active, { appointmentStatus: appointment.status });
    return appointment;
  }

  private async openProposal(
    manager: EntityManager,
    id: string,
    stateCode: string,
    kind: string,
  ): Promise<AppointmentProposal> {
    const proposal = isUuid(id)
      ? await manager
          .getRepository(AppointmentProposal)
          .createQueryBuilder('p')
          .setLock('pessimistic_write')
          .where('p.id = :id', { id })
          .getOne()
      : null;
    if (!proposal || proposal.stateCode !== stateCode || proposal.kind !== kind) {
      throw fieldInvalid('/proposalId', APPOINTMENT_RULES.proposal_matches, { kind, stateCode });
    }
    if (proposal.status !== 'proposed')
      throw ruleConflict(APPOINTMENT_RULES.proposal_not_open, { proposalStatus: proposal.status });
    return proposal;
  }
}

async function currentFocalPointId(manager: EntityManager, stateCode: string): Promise<string | undefined> {
  const user = await manager
    .getRepository(UserAccount)
    .createQueryBuilder('u')
    .where(`u.state_code = :code AND u.role = 'state_focal_point' AND u.status <> 'disabled'`, { code: stateCode })
    .getOne();
  return user?.id;
}
