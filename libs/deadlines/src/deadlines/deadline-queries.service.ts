import { Injectable } from '@nestjs/common';
import { Type, type Static } from '@sinclair/typebox';
import { DataSource } from 'typeorm';
import { Closed, Nullable } from '@mesecvi/http';
import { DomainError } from '@mesecvi/errors';
import {
  COMMITTEE_KINDS,
  type DeadlineKind,
  type DeadlineStatus,
  type RecipientRole,
  type ReminderReason,
  type ReminderStatus,
} from '../deadline-vocabulary';
import { Deadline } from './deadline.entity';
import { DeadlinesService } from './deadlines.service';
import { DeadlineViewSchema, toDeadlineView, type DeadlineHistoryEntry, type DeadlineView } from './deadline.view';
import { reminderMailStatus, type ReminderMailStatus } from '../reminders/reminder-mail-status';

export interface DeadlineListFilter {
  stateCode?: string;
  kind?: DeadlineKind;
  status?: DeadlineStatus;
  /** Due on or after this date. */
  dueFrom?: string;
  /** Due on or before this date. */
  dueTo?: string;
  limit: number;
  cursor?: string;
}

/**
 * Which states' deadlines the caller may read: every state, or these (from the policy service). A
 * state's users never see the committee's own deadlines about it (the rapporteurs' review).
 */
export type DeadlineScope = { kind: 'all' } | { kind: 'states'; codes: string[] };

/** One page of deadlines, oldest due first; `nextCursor` reads the next page. */
export const DeadlinePageSchema = Closed({
  items: Type.Array(DeadlineViewSchema),
  nextCursor: Nullable(Type.String()),
});
export type DeadlinePage = Static<typeof DeadlinePageSchema>;

export interface DeadlineDetail extends DeadlineView {
  history: DeadlineHistoryEntry[];
}

export interface ReminderDelivery {
  outboxId: string;
  address: string | null;
  role: string | null;
  language: string;
  status: string;
  sentAt: string | null;
}

export interface ReminderView {
  id: string;
  deadlineVersion: number;
  rule: { id: string; offsetDays: number; timeOfDay: string; template: string };
  recipientRole: RecipientRole;
  plannedAt: string;
  /** What became of it, as a person reads it: its mails' state once written (see `reminderMailStatus`). */
  status: ReminderMailStatus;
  /** The sweep's own state (planned, claimed, queued, skipped, superseded, cancelled). */
  sweepStatus: ReminderStatus;
  reason: ReminderReason | null;
  recipients: number | null;
  processedAt: string | null;
  deliveries: ReminderDelivery[];
}

const encode = (d: { dueDate: string; id: string }): string =>
  Buffer.from(`${d.dueDate}|${d.id}`, 'utf8').toString('base64url');
function decode(cursor: string): { dueDate: string; id: string } {
  const [dueDate, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate ?? '') || !/^[0-9a-f-]{36}$/.test(id ?? '')) {
    throw new DomainError('validation_failed', 'cursor is not valid', {
      errors: [{ pointer: '/cursor', message: 'cursor must be a value returned as nextCursor' }],
    });
  }
  return { dueDate, id };
}

/** Reading deadlines, always within the caller's scope (outside it: 404, as if absent). */
@Injectable()
export class DeadlineQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadlines: DeadlinesService,
  ) {}

  /** Soonest due first, keyset-paginated on (due date, id). */
  async list(filter: DeadlineListFilter, scope: DeadlineScope): Promise<DeadlinePage> {
    const q = this.dataSource.getRepository(Deadline).createQueryBuilder('d');
    if (scope.kind === 'states') {
      q.andWhere('d.state_code IN (:...codes)', { codes: scope.codes.length > 0 ? scope.codes : ['---'] });
      q.andWhere('d.kind NOT IN (:...committeeKinds)', { committeeKinds: COMMITTEE_KINDS });
    }
    if (filter.stateCode) q.andWhere('d.state_code = :stateCode', { stateCode: filter.stateCode.toUpperCase() });
    if (filter.kind) q.andWhere('d.kind = :kind', { kind: filter.kind });
    if (filter.status) q.andWhere('d.status = :status', { status: filter.status });
    if (filter.dueFrom) q.andWhere('d.due_date >= :dueFrom', { dueFrom: filter.dueFrom });
    if (filter.dueTo) q.andWhere('d.due_date <= :dueTo', { dueTo: filter.dueTo });
    if (filter.cursor) {
      const after = decode(filter.cursor);
      q.andWhere('(d.due_date, d.id) > (:cursorDate, :cursorId)', { cursorDate: after.dueDate, cursorId: after.id });
    }
    const rows = await q
      .orderBy('d.due_date', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .limit(filter.limit + 1)
      .getMany();
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    return { items: page.map(toDeadlineView), nextCursor: rows.length > filter.limit && last ? encode(last) : null };
  }

  /**
   * The deadline with its history; `inScope` decides (and logs) whether the caller may see its
   * state, and `committee` whether she may see the committee's own kinds.
   */
  async get(id: string, inScope: (stateCode: string) => boolean, committee: boolean): Promise<DeadlineDetail> {
    const deadline = await this.deadlines.get(this.dataSource.manager, id);
    if ((!committee && COMMITTEE_KINDS.includes(deadline.kind)) || !inScope(deadline.stateCode))
      throw new DomainError('not_found', `Deadline ${id} was not found`);
    return { ...deadline, history: await this.deadlines.history(this.dataSource.manager, id) };
  }

  /** Every reminder row of the deadline (all versions), with the ledger rows each one produced. */
  async reminders(id: string): Promise<ReminderView[]> {
    await this.deadlines.get(this.dataSource.manager, id);
    const rows: Array<{
      id: string;
      deadline_version: number;
      rule_id: string;
      offset_days: number;
      time_of_day: string;
      template: string;
      recipient_role: RecipientRole;
      planned_at: Date;
      status: ReminderStatus;
      reason: ReminderReason | null;
      recipients: number | null;
      processed_at: Date | null;
    }> = await this.dataSource.query(
      `SELECT r.id, r.deadline_version, r.rule_id, ru.offset_days, ru.time_of_day, ru.template, r.recipient_role, r.planned_at, r.status, r.reason, r.recipients, r.processed_at
         FROM reminder r JOIN reminder_rule ru ON ru.id = r.rule_id
        WHERE r.deadline_id = $1 ORDER BY r.deadline_version, r.planned_at, r.recipient_role`,
      [id],
    );
    const mails: Array<{
      id: string;
      related_entity_id: string;
      recipient_address: string | null;
      recipient_role: string | null;
      language: string;
      status: string;
      sent_at: Date | null;
    }> =
      rows.length === 0
        ? []
        : await this.dataSource.query(
            `SELECT id, related_entity_id, recipient_address, recipient_role, language, status, sent_at FROM outbox_message
              WHERE related_entity_type = 'reminder' AND related_entity_id = ANY($1::text[]) ORDER BY created_at, id`,
            [rows.map((r) => r.id)],
          );
    return rows.map((r) => {
      const deliveries = mails
        .filter((m) => m.related_entity_id === r.id)
        .map((m) => ({
          outboxId: m.id,
          address: m.recipient_address,
          role: m.recipient_role,
          language: m.language,
          status: m.status,
          sentAt: m.sent_at ? m.sent_at.toISOString() : null,
        }));
      return {
        id: r.id,
        deadlineVersion: r.deadline_version,
        rule: { id: r.rule_id, offsetDays: r.offset_days, timeOfDay: r.time_of_day, template: r.template },
        recipientRole: r.recipient_role,
        plannedAt: r.planned_at.toISOString(),
        status: reminderMailStatus(r.status, deliveries),
        sweepStatus: r.status,
        reason: r.reason,
        recipients: r.recipients,
        processedAt: r.processed_at ? r.processed_at.toISOString() : null,
        deliveries,
      };
    });
  }
}
