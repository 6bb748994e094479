import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { DomainError } from '@mesecvi/errors';
import type { RequestMeta } from '@mesecvi/http';
import { PolicyService } from '@mesecvi/policy';
import { rethrowAsConflict } from './appointment-errors';
import type { ElectOfficerInput } from './appointment-inputs';
import { assertConsecutiveTerms, assertElection, fieldInvalid, ruleConflict } from './appointment-rules';
import { Appointment } from './appointment.entity';
import { COMMITTEE_OFFICES, OFFICE_TERM_YEARS } from './appointment-vocabulary';
import { addYears, isoDate, localDate } from './calendar';
import { CommitteeOffice } from './committee-office.entity';
import { toOfficeView, type CommitteeOfficeView } from './committee-office.view';
import { isUuid } from '@mesecvi/http';
import { APPOINTMENT_RULES } from './appointment-rule-catalogue';

export interface OfficersView {
  /** The holder of each office today (null when vacant or the term has run out); `termEnd` says when it ends. */
  current: Record<(typeof COMMITTEE_OFFICES)[number], CommitteeOfficeView | null>;
  history: CommitteeOfficeView[];
}

/** The Committee's Coordinator and Alternate Coordinator: elections, terms, re-election once. */
@Injectable()
export class CommitteeOffices {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async elect(input: ElectOfficerInput, meta: RequestMeta): Promise<CommitteeOfficeView> {
    const caller = meta.caller;
    if (!caller || !this.policy.canRecordAppointments(caller))
      throw new DomainError('forbidden', 'Only the secretariat records elections.');
    assertElection(input.method, input);
    const now = await this.clock.now();
    return this.dataSource
      .transaction(async (manager) => {
        // One election at a time: offices are few, and the rules read both of them.
        await manager.query(`SELECT pg_advisory_xact_lock(hashtext('committee_office'))`);
        const appointment = isUuid(input.appointmentId)
          ? await manager
              .getRepository(Appointment)
              .createQueryBuilder('a')
              .setLock('pessimistic_read')
              .where('a.id = :id', { id: input.appointmentId })
              .getOne()
          : null;
        if (!appointment) throw fieldInvalid('/appointmentId', APPOINTMENT_RULES.known_appointment);
        if (appointment.kind !== 'titular' || appointment.status !== 'active' || !appointment.userId) {
          throw ruleConflict(APPOINTMENT_RULES.officer_active_titular);
        }
        const expertUserId = appointment.userId;
        const termEnd = addYears(input.termStart, OFFICE_TERM_YEARS);
        // Held terms overlap when [start, ended_on ?? term_end) intersects the new one.
        const other: Array<{ office: string }> = await manager.query(
          `SELECT office FROM committee_office WHERE office <> $1 AND expert_user_id = $2 AND term_start < $4::date AND COALESCE(ended_on, term_end) > $3::date LIMIT 1`,
          [input.office, expertUserId, input.termStart, termEnd],
        );
        if (other.length > 0) throw ruleConflict(APPOINTMENT_RULES.one_office_per_expert, { office: other[0].office });
        const holder = await manager
          .getRepository(CommitteeOffice)
          .findOneBy({ office: input.office, status: 'current' });
        if (holder && input.termStart < isoDate(holder.termStart)) {
          throw ruleConflict(APPOINTMENT_RULES.overlapping_office_term, {
            termStart: input.termStart,
            holderTermStart: isoDate(holder.termStart),
          });
        }
        const history: Array<{ expert_user_id: string; term_start: string }> = await manager.query(
          `SELECT expert_user_id, term_start::text AS term_start FROM committee_office WHERE office = $1 ORDER BY term_start DESC LIMIT 2`,
          [input.office],
        );
        assertConsecutiveTerms(
          expertUserId,
          history.map((h) => ({ expertUserId: h.expert_user_id, termStart: h.term_start })),
        );
        if (holder) {
          // An earlier holder keeps the office until the successor's term starts.
          const endedOn = input.termStart < isoDate(holder.termEnd) ? input.termStart : null;
          await manager.getRepository(CommitteeOffice).update({ id: holder.id }, { status: 'ended', endedOn });
          await this.audit.record(manager, {
            actor: caller,
            action: 'committee_office.ended',
            entity: { type: 'committee_office', id: holder.id },
            summary: { office: holder.office, reason: 'successor_elected' },
            requestId: meta.requestId,
            at: now,
          });
        }
        const office = manager.getRepository(CommitteeOffice).create({
          office: input.office,
          appointmentId: appointment.id,
          expertUserId,
          method: input.method,
          votesFor: input.method === 'vote' ? (input.votesFor ?? 0) : null,
          votesAgainst: input.method === 'vote' ? (input.votesAgainst ?? 0) : null,
          abstentions: input.method === 'vote' ? (input.abstentions ?? 0) : null,
          termStart: input.termStart,
          termEnd,
          status: 'current',
          endedOn: null,
          recordedBy: caller.userId,
          recordedAt: now,
        });
        await manager.getRepository(CommitteeOffice).insert(office);
        await this.audit.record(manager, {
          actor: caller,
          action: 'committee_office.elected',
          entity: { type: 'committee_office', id: office.id },
          summary: {
            office: input.office,
            appointmentId: appointment.id,
            method: input.method,
            termStart: input.termStart,
          },
          requestId: meta.requestId,
          at: now,
        });
        return toOfficeView({ ...office, appointment });
      })
      .catch(rethrowAsConflict);
  }

  async officers(): Promise<OfficersView> {
    const today = localDate(await this.clock.now(), this.config.mechanism.timeZone);
    const rows = await this.dataSource
      .getRepository(CommitteeOffice)
      .find({ relations: { appointment: true }, order: { termStart: 'DESC', office: 'ASC' } });
    const history = rows.map(toOfficeView);
    // Held today: the term has begun and neither ended early nor run out (a successor elected in
    // advance does not end it before their own term starts).
    const currentOf = (name: (typeof COMMITTEE_OFFICES)[number]): CommitteeOfficeView | null =>
      history.find((o) => o.office === name && o.termStart <= today && (o.endedOn ?? o.termEnd) > today) ?? null;
    return {
      current: { coordinator: currentOf('coordinator'), alternate_coordinator: currentOf('alternate_coordinator') },
      history,
    };
  }
}
