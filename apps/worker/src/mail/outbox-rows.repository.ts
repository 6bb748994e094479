import { Injectable } from '@nestjs/common';
import { DataSource, type QueryResult } from 'typeorm';
import type { Language } from '@mesecvi/http';
import type { OutboxStatus } from '@mesecvi/mail';

/** A row as claimed for sending, with the status it had before the claim. */
export interface ClaimedMail {
  id: string;
  template: string;
  language: Language;
  recipientAddress: string;
  recipientName: string | null;
  payload: unknown;
  attempts: number;
  messageId: string;
  previousStatus: OutboxStatus;
}

/**
 * `next_attempt_at` is mechanism time (the clock the demo and tests move); a lease is wall time on
 * the database server (`clock_timestamp()`), because it measures whether a sender is still alive:
 * moving the mechanism clock forward must not expire a live lease and have a second worker send
 * the same mail again, and every worker host reads the same database clock.
 */
const DUE = `(status = 'pending' AND next_attempt_at <= $1) OR (status = 'sending' AND lease_until < clock_timestamp())`;

const CLAIMED_COLUMNS = `m.id, m.template, m.language, m.recipient_address AS "recipientAddress", m.recipient_name AS "recipientName",
  m.payload, m.attempts, m.message_id AS "messageId", due.previous_status AS "previousStatus"`;

/**
 * The outbox rows' state changes, each one statement (so each commits on its own). Claims use
 * FOR UPDATE SKIP LOCKED, so concurrent drains never take the same row; updates after a send
 * check the attempt number, so a worker whose lease ran out cannot overwrite the new owner.
 */
@Injectable()
export class OutboxRows {
  constructor(private readonly dataSource: DataSource) {}

  /** Claims up to `limit` due rows: `sending`, a lease of `leaseMs` (wall time), one more attempt. */
  async claimDue(now: Date, leaseMs: number, limit: number): Promise<ClaimedMail[]> {
    return this.claim(
      `SELECT id, status AS previous_status FROM outbox_message WHERE ${DUE} ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [now, leaseMs, limit],
    );
  }

  /** Claims one row if it is due and nobody holds it; otherwise claims nothing. */
  async claimOne(id: string, now: Date, leaseMs: number): Promise<ClaimedMail | undefined> {
    const rows = await this.claim(
      `SELECT id, status AS previous_status FROM outbox_message WHERE id = $3 AND (${DUE}) FOR UPDATE SKIP LOCKED`,
      [now, leaseMs, id],
    );
    return rows[0];
  }

  /** Right after the SMTP 250. Sensitive props (links with tokens) leave the ledger here. */
  async markSent(mail: ClaimedMail, at: Date, smtpResponse: string, sensitiveProps: string[]): Promise<boolean> {
    return this.update(
      `UPDATE outbox_message SET status = 'sent', sent_at = $3, smtp_response = $4, lease_until = NULL, updated_at = $3, payload = payload - $5::text[]
       WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [mail.id, mail.attempts, at, smtpResponse, sensitiveProps],
    );
  }

  async markRetry(mail: ClaimedMail, at: Date, nextAttemptAt: Date, error: string): Promise<boolean> {
    return this.update(
      `UPDATE outbox_message SET status = 'pending', next_attempt_at = $4, last_error = $5, lease_until = NULL, updated_at = $3
       WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [mail.id, mail.attempts, at, nextAttemptAt, error],
    );
  }

  async markFailed(mail: ClaimedMail, at: Date, error: string): Promise<boolean> {
    return this.update(
      `UPDATE outbox_message SET status = 'failed', last_error = $4, lease_until = NULL, updated_at = $3
       WHERE id = $1 AND status = 'sending' AND attempts = $2`,
      [mail.id, mail.attempts, at, error],
    );
  }

  private async claim(selectDue: string, params: unknown[]): Promise<ClaimedMail[]> {
    const result = await this.run(
      `WITH due AS (${selectDue})
       UPDATE outbox_message m SET status = 'sending', lease_until = clock_timestamp() + $2 * interval '1 millisecond', attempts = m.attempts + 1, updated_at = $1
       FROM due WHERE m.id = due.id
       RETURNING ${CLAIMED_COLUMNS}`,
      params,
    );
    return result.records as ClaimedMail[];
  }

  private async update(sql: string, params: unknown[]): Promise<boolean> {
    return ((await this.run(sql, params)).affected ?? 0) > 0;
  }

  /** TypeORM's structured result gives rows and the affected count alike for UPDATE statements. */
  private async run(sql: string, params: unknown[]): Promise<QueryResult> {
    const runner = this.dataSource.createQueryRunner();
    try {
      return await runner.query(sql, params, true);
    } finally {
      await runner.release();
    }
  }
}
