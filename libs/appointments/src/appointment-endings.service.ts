import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccountsService, InvitationsService } from '@mesecvi/accounts';
import { AuditService } from '@mesecvi/audit';
import type { RequestMeta } from '@mesecvi/http';
import { Appointment } from './appointment.entity';
import { EXPERT_KINDS, type AppointmentEndReason } from './appointment-vocabulary';

/**
 * What ending an appointment means, whoever ends it (the secretariat, a replacement, or the
 * deadline-passed handler on the end date): the row keeps its history; the person's committee
 * access stops (focal points stay as contributors), and any office they held through it ends.
 */
@Injectable()
export class AppointmentEndings {
  constructor(
    private readonly accounts: AccountsService,
    private readonly invitations: InvitationsService,
    private readonly audit: AuditService,
  ) {}

  /** Marks an active appointment ended or withdrawn, on `endDate`. Returns false when it was not active. */
  async end(
    manager: EntityManager,
    appointment: Appointment,
    reason: AppointmentEndReason,
    endDate: string,
    meta: RequestMeta,
    now: Date,
    summary: Record<string, unknown> = {},
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(Appointment)
      .set({
        status: reason === 'withdrawn' ? 'withdrawn' : 'ended',
        endReason: reason,
        termEnd: endDate < appointment.termStart ? appointment.termStart : endDate,
        endedAt: now,
        version: () => 'version + 1',
      })
      .where(`id = :id AND status = 'active'`, { id: appointment.id })
      .execute();
    if (result.affected === 0) return false;
    await this.audit.record(manager, {
      actor: meta.caller,
      action: reason === 'withdrawn' ? 'appointment.withdrawn' : 'appointment.ended',
      entity: { type: 'appointment', id: appointment.id },
      summary: { stateCode: appointment.stateCode, kind: appointment.kind, reason, endDate, ...summary },
      requestId: meta.requestId,
      at: now,
    });
    await this.endOffices(manager, appointment.id, endDate, meta, now);
    return true;
  }

  /**
   * Stops the person's access, unless they still hold another active appointment of the same
   * nature (re-appointed for a new term, or titular after having been the alternate).
   */
  async closeAccess(manager: EntityManager, appointment: Appointment, meta: RequestMeta, now: Date): Promise<void> {
    if (!appointment.userId) return;
    const expert = EXPERT_KINDS.includes(appointment.kind);
    const still: unknown[] = await manager.query(
      `SELECT 1 FROM appointment WHERE user_id = $1 AND status = 'active' AND id <> $2 AND kind = ANY($3::text[]) LIMIT 1`,
      [appointment.userId, appointment.id, expert ? EXPERT_KINDS : ['focal_point']],
    );
    if (still.length > 0) return;
    if (expert) await this.accounts.disableWithin(manager, appointment.userId, meta, now, 'appointment_ended');
    else await this.invitations.demoteFocalPointWithin(manager, appointment.userId, meta, now);
  }

  /** Terms held through this appointment stop on its end date (a term not yet begun never starts). */
  private async endOffices(
    manager: EntityManager,
    appointmentId: string,
    endDate: string,
    meta: RequestMeta,
    now: Date,
  ): Promise<void> {
    const rows: Array<{ id: string; office: string }> = await manager.query(
      `SELECT id, office FROM committee_office WHERE appointment_id = $1 AND COALESCE(ended_on, term_end) > $2::date FOR UPDATE`,
      [appointmentId, endDate],
    );
    for (const office of rows) {
      await manager.query(
        `UPDATE committee_office SET status = 'ended', ended_on = GREATEST(term_start, $2::date) WHERE id = $1`,
        [office.id, endDate],
      );
      await this.audit.record(manager, {
        actor: meta.caller,
        action: 'committee_office.ended',
        entity: { type: 'committee_office', id: office.id },
        summary: { office: office.office, reason: 'appointment_ended', appointmentId },
        requestId: meta.requestId,
        at: now,
      });
    }
  }
}
