import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { DomainError } from '@mesecvi/errors';
import type { Caller, RequestMeta } from '@mesecvi/http';
import { PolicyService } from '@mesecvi/policy';
import type { ProposeAppointmentInput } from './appointment-inputs';
import { AppointmentProposal } from './appointment-proposal.entity';
import { ruleConflict } from './appointment-rules';
import { toProposalView, type ProposalView } from './appointment.view';
import { StateParty } from '@mesecvi/states';
import { isUuid } from '@mesecvi/http';
import { APPOINTMENT_RULES } from './appointment-rule-catalogue';

/** A focal point proposes a nomination with its note; only the secretariat confirms (by recording) or rejects. */
@Injectable()
export class AppointmentProposals {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async propose(
    caller: Caller,
    stateCode: string,
    input: ProposeAppointmentInput,
    meta: RequestMeta,
  ): Promise<ProposalView> {
    const code = stateCode.toUpperCase();
    if (!this.policy.canProposeAppointment(caller, code)) {
      this.policy.denied(caller, meta, 'appointment proposal', code);
      throw new DomainError('not_found', `State party ${stateCode} was not found`);
    }
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const state = await manager.getRepository(StateParty).findOneBy({ code });
      if (!state) throw new DomainError('not_found', `State party ${stateCode} was not found`);
      const proposal = manager.getRepository(AppointmentProposal).create({
        stateCode: state.code,
        kind: input.kind,
        personName: input.person.name.trim(),
        personEmail: input.person.email.trim().toLowerCase(),
        personLanguage: input.person.language ?? null,
        cvReference: input.cvReference ?? null,
        noteReference: input.noteReference.trim(),
        termStart: input.termStart ?? null,
        status: 'proposed',
        proposedBy: caller.userId,
        proposedAt: now,
        decidedAt: null,
      });
      await manager.getRepository(AppointmentProposal).insert(proposal);
      await this.audit.record(manager, {
        actor: caller,
        action: 'appointment_proposal.proposed',
        entity: { type: 'appointment_proposal', id: proposal.id },
        summary: { stateCode: state.code, kind: input.kind },
        requestId: meta.requestId,
        at: now,
      });
      return toProposalView(proposal);
    });
  }

  async list(caller: Caller, stateCode: string, meta: RequestMeta): Promise<ProposalView[]> {
    const code = stateCode.toUpperCase();
    this.policy.assertAppointments(caller, code, meta);
    const rows = await this.dataSource
      .getRepository(AppointmentProposal)
      .find({ where: { stateCode: code }, order: { proposedAt: 'DESC' } });
    return rows.map(toProposalView);
  }

  async reject(id: string, meta: RequestMeta): Promise<ProposalView> {
    const caller = meta.caller;
    if (!caller || !this.policy.canRecordAppointments(caller))
      throw new DomainError('forbidden', 'Only the secretariat decides on proposals.');
    const now = await this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const proposal = isUuid(id)
        ? await manager
            .getRepository(AppointmentProposal)
            .createQueryBuilder('p')
            .setLock('pessimistic_write')
            .where('p.id = :id', { id })
            .getOne()
        : null;
      if (!proposal) throw new DomainError('not_found', 'Proposal was not found');
      if (proposal.status !== 'proposed')
        throw ruleConflict(APPOINTMENT_RULES.proposal_not_open, { proposalStatus: proposal.status });
      await manager.getRepository(AppointmentProposal).update({ id }, { status: 'rejected', decidedAt: now });
      await this.audit.record(manager, {
        actor: caller,
        action: 'appointment_proposal.rejected',
        entity: { type: 'appointment_proposal', id },
        summary: { stateCode: proposal.stateCode, kind: proposal.kind },
        requestId: meta.requestId,
        at: now,
      });
      return toProposalView({ ...proposal, status: 'rejected', decidedAt: now });
    });
  }
}
