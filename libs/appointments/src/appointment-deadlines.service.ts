import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addDays, DeadlinesService, type DeadlineChangeContext } from '@mesecvi/deadlines';
import {
  APPOINTMENT_END_DEADLINE,
  APPOINTMENT_REPLY_DEADLINE,
  APPOINTMENT_SUBJECT,
  REQUEST_TARGET_SUBJECT,
} from './appointment-vocabulary';

/**
 * This library's use of the deadlines engine, in one place: a reply deadline per state of an
 * appointment request (with its reminder ladder), and a timer for an appointment's planned end
 * (no ladder: the `appointment_end` kind has no reminder rules).
 */
@Injectable()
export class AppointmentDeadlines {
  constructor(private readonly deadlines: DeadlinesService) {}

  async openReply(
    manager: EntityManager,
    targetId: string,
    stateCode: string,
    replyDate: string,
    ctx: DeadlineChangeContext,
  ): Promise<string> {
    const view = await this.deadlines.create(
      manager,
      {
        kind: APPOINTMENT_REPLY_DEADLINE,
        subject: { type: REQUEST_TARGET_SUBJECT, id: targetId },
        stateCode,
        dueDate: replyDate,
      },
      ctx,
    );
    return view.id;
  }

  /** The state answered or declined: its reminders stop. Late answers complete a passed deadline too. */
  async closeReply(
    manager: EntityManager,
    deadlineId: string | null,
    reason: string,
    ctx: DeadlineChangeContext,
  ): Promise<void> {
    if (deadlineId) await this.deadlines.complete(manager, deadlineId, ctx, reason);
  }

  /**
   * Plans (or re-plans) the end of an appointment's term: access stops when `termEnd` begins, so
   * the timer is due at the end of the day before. Null cancels a planned end.
   */
  async planEnd(
    manager: EntityManager,
    appointmentId: string,
    stateCode: string,
    termEnd: string | null,
    reason: string,
    ctx: DeadlineChangeContext,
  ): Promise<void> {
    const subject = { type: APPOINTMENT_SUBJECT, id: appointmentId };
    const current = await this.deadlines.findForSubject(manager, APPOINTMENT_END_DEADLINE, subject, stateCode);
    const live = current && current.status === 'open' ? current : null;
    if (termEnd === null) {
      if (live) await this.deadlines.cancel(manager, live.id, reason, ctx);
      return;
    }
    const dueDate = addDays(termEnd, -1);
    if (live) {
      if (live.dueDate !== dueDate) await this.deadlines.move(manager, live.id, { dueDate, reason }, ctx);
      return;
    }
    // A passed or completed timer for this appointment is history; nothing live means plan a new one.
    if (current) await this.deadlines.cancel(manager, current.id, reason, ctx).catch(() => undefined);
    await this.deadlines.create(manager, { kind: APPOINTMENT_END_DEADLINE, subject, stateCode, dueDate }, ctx);
  }
}
