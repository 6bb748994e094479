import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  DeadlineKind,
  DeadlineStatus,
  RecipientRole,
  ReminderReason,
  ReminderStatus,
  ReminderTemplate,
  TitleTranslations,
} from '../deadline-vocabulary';

export interface Claim {
  token: string;
  ids: string[];
}

/** A claimed reminder with what deciding about it needs, read under its row lock. */
export interface ClaimedReminder {
  id: string;
  deadlineId: string;
  deadlineVersion: number;
  recipientRole: RecipientRole;
  plannedAt: Date;
  claims: number;
  kind: DeadlineKind;
  subjectType: string;
  subjectId: string;
  stateCode: string;
  title: string | null;
  titleTranslations: TitleTranslations | null;
  dueDate: string;
  timeZone: string;
  currentVersion: number;
  deadlineStatus: DeadlineStatus;
  template: ReminderTemplate;
  maxCount: number;
  retired: boolean;
  /** The rule also addresses the permanent mission, so it never stands in for the focal point. */
  ruleAddressesMission: boolean;
  /** A later rule of the same ladder (same deadline version) is already due. */
  laterRuleDue: boolean;
  /** Reminders of this rule and role already queued for the deadline, over all its versions. */
  alreadySent: number;
}

export interface ReminderOutcome {
  id: string;
  status: Extract<ReminderStatus, 'queued' | 'skipped' | 'superseded' | 'cancelled'>;
  reason: ReminderReason | null;
  recipients: number | null;
}

/**
 * The reminder rows' claim protocol. `claim` commits a lease on due rows taken with
 * FOR UPDATE SKIP LOCKED (so concurrent sweeps never take the same row); `lockClaimed` re-reads
 * them in the processing transaction only if this claim still owns them (a sweep that outlived
 * its lease finds nothing); `finish` records the outcome in that same transaction.
 */
@Injectable()
export class ReminderClaims {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * `now` (mechanism time) decides which reminders are due; the lease of `leaseMs` is wall time on
   * the database server, so moving the mechanism clock never expires a live sweep's claim.
   */
  async claim(now: Date, leaseMs: number, limit: number): Promise<Claim> {
    const token = randomUUID();
    const runner = this.dataSource.createQueryRunner();
    let rows: Array<{ id: string }>;
    try {
      // The structured result: for UPDATE … RETURNING, TypeORM's plain result is [rows, count].
      rows = (
        await runner.query(
          `WITH expired AS (
         SELECT id FROM reminder WHERE status = 'claimed' AND lease_until < clock_timestamp() ORDER BY lease_until LIMIT $3 FOR UPDATE SKIP LOCKED
       ), due AS (
         SELECT id FROM reminder WHERE status = 'planned' AND planned_at <= $1 ORDER BY planned_at LIMIT $3 FOR UPDATE SKIP LOCKED
       )
       UPDATE reminder r SET status = 'claimed', lease_until = clock_timestamp() + $2 * interval '1 millisecond', claim_token = $4, claims = r.claims + 1, updated_at = $1
        WHERE r.id IN (SELECT id FROM expired UNION ALL SELECT id FROM due)
        RETURNING r.id`,
          [now, leaseMs, limit, token],
          true,
        )
      ).records as Array<{ id: string }>;
    } finally {
      await runner.release();
    }
    return { token, ids: rows.map((r) => r.id) };
  }

  async lockClaimed(manager: EntityManager, claim: Claim, now: Date): Promise<ClaimedReminder[]> {
    return manager.query(
      `SELECT r.id, r.deadline_id AS "deadlineId", r.deadline_version AS "deadlineVersion", r.recipient_role AS "recipientRole",
              r.planned_at AS "plannedAt", r.claims,
              d.kind, d.subject_type AS "subjectType", d.subject_id AS "subjectId", d.state_code AS "stateCode", d.title, d.title_translations AS "titleTranslations", d.due_date::text AS "dueDate", d.time_zone AS "timeZone",
              d.version AS "currentVersion", d.status AS "deadlineStatus",
              ru.template, ru.max_count AS "maxCount", ru.retired_at IS NOT NULL AS retired,
              'permanent_mission' = ANY(ru.recipient_roles) AS "ruleAddressesMission",
              EXISTS (
                SELECT 1 FROM reminder l
                 WHERE l.deadline_id = r.deadline_id AND l.deadline_version = r.deadline_version
                   AND l.planned_at > r.planned_at AND l.planned_at <= $3
                   AND (l.status IN ('planned', 'claimed', 'queued', 'skipped') OR (l.status = 'superseded' AND l.reason IN ('passed', 'later_rule_due', 'stale', 'max_count')))
              ) AS "laterRuleDue",
              (SELECT count(*)::int FROM reminder s
                WHERE s.deadline_id = r.deadline_id AND s.rule_id = r.rule_id AND s.recipient_role = r.recipient_role AND s.status = 'queued') AS "alreadySent"
         FROM reminder r
         JOIN deadline d ON d.id = r.deadline_id
         JOIN reminder_rule ru ON ru.id = r.rule_id
        WHERE r.id = ANY($1::uuid[]) AND r.status = 'claimed' AND r.claim_token = $2
        ORDER BY r.planned_at, r.id
        FOR UPDATE OF r`,
      [claim.ids, claim.token, now],
    );
  }

  async finish(manager: EntityManager, outcomes: ReminderOutcome[], now: Date): Promise<void> {
    if (outcomes.length === 0) return;
    await manager.query(
      `UPDATE reminder r SET status = u.status, reason = u.reason, recipients = u.recipients, processed_at = $1,
              lease_until = NULL, claim_token = NULL, updated_at = $1
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[]) AS u(id, status, reason, recipients)
        WHERE r.id = u.id`,
      [
        now,
        outcomes.map((o) => o.id),
        outcomes.map((o) => o.status),
        outcomes.map((o) => o.reason),
        outcomes.map((o) => o.recipients),
      ],
    );
  }
}
