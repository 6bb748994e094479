import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DeadlineKind, ReminderReason } from '../deadline-vocabulary';
import type { Deadline } from '../deadlines/deadline.entity';
import { planReminders } from './reminder-plan';
import { ReminderRule } from './reminder-rule.entity';

/** Supersede/cancel touch only unsent rows; `claimed` ones are still unsent (their claim re-checks status). */
const UNSENT = `status IN ('planned', 'claimed')`;

/**
 * Writes reminder rows in the caller's transaction (every reminder that should ever be
 * sent is a row, written with the change that makes it necessary).
 */
@Injectable()
export class ReminderPlanner {
  async activeLadder(manager: EntityManager, kind: DeadlineKind): Promise<ReminderRule[]> {
    return manager
      .getRepository(ReminderRule)
      .createQueryBuilder('r')
      .where('r.deadline_kind = :kind AND r.retired_at IS NULL', { kind })
      .orderBy('r.offset_days', 'ASC')
      .getMany();
  }

  /**
   * Plans the deadline's current version from its kind's ladder. Re-planning the same version
   * (after a ladder edit) updates rows that are still planned, or were set aside by planning
   * itself, and never touches one that a sweep already claimed or sent.
   */
  async plan(manager: EntityManager, deadline: Deadline, now: Date): Promise<number> {
    const ladder = await this.activeLadder(manager, deadline.kind);
    const rows = planReminders(deadline.dueDate, deadline.timeZone, ladder, now);
    if (rows.length === 0) return 0;
    await manager.query(
      `INSERT INTO reminder (deadline_id, deadline_version, rule_id, recipient_role, planned_at, status, reason, created_at, updated_at)
       SELECT $1, $2, r.rule_id, r.role, r.planned_at, r.status, r.reason, $3, $3
         FROM unnest($4::uuid[], $5::text[], $6::timestamptz[], $7::text[], $8::text[]) AS r(rule_id, role, planned_at, status, reason)
       ON CONFLICT (deadline_id, deadline_version, rule_id, recipient_role) DO UPDATE
         SET planned_at = EXCLUDED.planned_at, status = EXCLUDED.status, reason = EXCLUDED.reason, updated_at = EXCLUDED.updated_at
         WHERE reminder.status = 'planned' OR (reminder.status = 'superseded' AND reminder.reason IN ('passed', 'ladder_changed'))`,
      [
        deadline.id,
        deadline.version,
        now,
        rows.map((r) => r.ruleId),
        rows.map((r) => r.recipientRole),
        rows.map((r) => r.plannedAt),
        rows.map((r) => r.status),
        rows.map((r) => r.reason),
      ],
    );
    return rows.length;
  }

  /** Sets aside every unsent reminder of a deadline (all versions): moved, or its ladder changed. */
  async supersedeUnsent(manager: EntityManager, deadlineId: string, reason: ReminderReason, now: Date): Promise<void> {
    await manager.query(
      `UPDATE reminder SET status = 'superseded', reason = $2, lease_until = NULL, claim_token = NULL, updated_at = $3 WHERE deadline_id = $1 AND ${UNSENT}`,
      [deadlineId, reason, now],
    );
  }

  /** Completing or cancelling a deadline: nothing more is sent for it. */
  async cancelUnsent(
    manager: EntityManager,
    deadlineId: string,
    reason: 'completed' | 'cancelled',
    now: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE reminder SET status = 'cancelled', reason = $2, lease_until = NULL, claim_token = NULL, updated_at = $3 WHERE deadline_id = $1 AND ${UNSENT}`,
      [deadlineId, reason, now],
    );
  }

  /**
   * After a ladder edit: every live deadline of the kind gets its future unsent reminders planned
   * again from the new ladder (rows of retired rules stay superseded). Claimed rows are left to
   * the sweep that holds them. Returns how many deadlines were re-planned.
   */
  async replanKind(manager: EntityManager, kind: DeadlineKind, now: Date): Promise<number> {
    const live: Deadline[] = await manager.query(
      `SELECT id, kind, due_date::text AS "dueDate", time_zone AS "timeZone", version FROM deadline
        WHERE kind = $1 AND status IN ('open', 'passed') ORDER BY id FOR UPDATE`,
      [kind],
    );
    for (const deadline of live) {
      await manager.query(
        `UPDATE reminder SET status = 'superseded', reason = 'ladder_changed', updated_at = $3 WHERE deadline_id = $1 AND deadline_version = $2 AND status = 'planned'`,
        [deadline.id, deadline.version, now],
      );
      await this.plan(manager, deadline, now);
    }
    return live.length;
  }
}
