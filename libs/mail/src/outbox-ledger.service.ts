import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from './outbox-cursor';
import { OutboxMessage } from './outbox-message.entity';
import type { MailKind, OutboxStatus } from './outbox-status';
import type { OutboxMessageView, OutboxPage } from './outbox.schemas';

export interface OutboxListFilter {
  kind?: MailKind;
  /** Part of the recipient address, any case. */
  recipient?: string;
  stateCode?: string;
  /** Mails about one round: its distribution, extensions, reminders, submissions and reports. */
  roundId?: string;
  status?: OutboxStatus;
  /** Staged at or after this instant. */
  from?: Date;
  /** Staged before this instant. */
  to?: Date;
  /** Leaves out rows addressed in these roles (a state's view omits the secretariat's own mails). */
  excludeRecipientRoles?: string[];
  limit: number;
  cursor?: string;
}

/**
 * A ledger row belongs to a round through what it is about: a state evaluation of the round, a
 * reminder of a deadline on one, a submission or a country report of one. The ledger reads
 * those tables by name here (not their libraries), so the mail library stays at the bottom.
 */
const ROUND_CONDITION = `(
  (m.related_entity_type = 'state_evaluation' AND m.related_entity_id IN (SELECT e.id::text FROM state_evaluation e WHERE e.round_id = :roundId))
  OR (m.related_entity_type = 'reminder' AND m.related_entity_id IN (
        SELECT r.id::text FROM reminder r JOIN deadline d ON d.id = r.deadline_id
          JOIN state_evaluation e ON d.subject_type = 'state_evaluation' AND d.subject_id = e.id::text
         WHERE e.round_id = :roundId))
  OR (m.related_entity_type = 'submission' AND m.related_entity_id IN (
        SELECT s.id::text FROM submission s JOIN state_evaluation e ON e.id = s.evaluation_id WHERE e.round_id = :roundId))
  OR (m.related_entity_type = 'country_report' AND m.related_entity_id IN (
        SELECT c.id::text FROM country_report c JOIN state_evaluation e ON e.id = c.evaluation_id WHERE e.round_id = :roundId))
)`;

/** A ledger row as the secretariat sees it. The payload is left out: it can hold links with tokens. */
/** Escapes LIKE wildcards so a searched `_` or `%` matches itself. */
const likeLiteral = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Reads the outbox as the notification ledger: who was sent what, when, and how it went. */
@Injectable()
export class OutboxLedger {
  constructor(private readonly dataSource: DataSource) {}

  async list(filter: OutboxListFilter): Promise<OutboxPage> {
    const q = this.dataSource.getRepository(OutboxMessage).createQueryBuilder('m');
    if (filter.kind) q.andWhere('m.kind = :kind', { kind: filter.kind });
    if (filter.status) q.andWhere('m.status = :status', { status: filter.status });
    if (filter.stateCode) q.andWhere('m.state_code = :stateCode', { stateCode: filter.stateCode });
    if (filter.roundId) q.andWhere(ROUND_CONDITION, { roundId: filter.roundId });
    if (filter.recipient)
      q.andWhere(`m.recipient_address ILIKE :recipient ESCAPE '\\'`, {
        recipient: `%${likeLiteral(filter.recipient)}%`,
      });
    if (filter.from) q.andWhere('m.created_at >= :from', { from: filter.from });
    if (filter.to) q.andWhere('m.created_at < :to', { to: filter.to });
    if (filter.excludeRecipientRoles?.length)
      q.andWhere('(m.recipient_role IS NULL OR m.recipient_role NOT IN (:...excludedRoles))', {
        excludedRoles: filter.excludeRecipientRoles,
      });
    if (filter.cursor) {
      const after = decodeCursor(filter.cursor);
      q.andWhere('(m.created_at, m.id) < (:cursorAt, :cursorId)', { cursorAt: after.createdAt, cursorId: after.id });
    }
    const rows = await q
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(filter.limit + 1)
      .getMany();
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toView),
      nextCursor: rows.length > filter.limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    };
  }
}

function toView(m: OutboxMessage): OutboxMessageView {
  return {
    id: m.id,
    kind: m.kind,
    template: m.template,
    language: m.language,
    recipient: { address: m.recipientAddress, name: m.recipientName, userId: m.recipientUserId, role: m.recipientRole },
    stateCode: m.stateCode,
    related: m.relatedEntityType && m.relatedEntityId ? { type: m.relatedEntityType, id: m.relatedEntityId } : null,
    status: m.status,
    attempts: m.attempts,
    nextAttemptAt: m.nextAttemptAt.toISOString(),
    messageId: m.messageId,
    smtpResponse: m.smtpResponse,
    lastError: m.lastError,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt ? m.sentAt.toISOString() : null,
    updatedAt: m.updatedAt.toISOString(),
  };
}
