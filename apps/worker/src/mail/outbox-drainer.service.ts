import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import {
  describeError,
  isPermanentSmtpFailure,
  renderMail,
  retryDelayMs,
  sensitivePropsOf,
  type RenderedMail,
} from '@mesecvi/mail';
import { MailTransport } from './mail-transport.service';
import { FailedMailAlerts } from './failed-mail-alerts.service';
import { OutboxRows, type ClaimedMail } from './outbox-rows.repository';

/** Rows claimed per statement by the sweep; their sends run in parallel over the pooled transport. */
const BATCH_SIZE = 10;
/** Keeps one sweep job short; whatever is left is due for the next tick. */
const MAX_PER_SWEEP = 200;

/**
 * Sends outbox rows: claim (commit) → render → SMTP → record, one row at a time.
 * The only possible duplicate is a crash or lost lease between the SMTP 250 and its record;
 * every such case is logged with the row id and its Message-ID.
 */
@Injectable()
export class OutboxDrainer {
  private readonly logger = new Logger('OutboxDrainer');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rows: OutboxRows,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
    private readonly alerts: FailedMailAlerts,
  ) {}

  /** The wake-up path: sends one row if it is still due and nobody else holds it. */
  async deliverOne(outboxId: string): Promise<boolean> {
    const now = await this.clock.now();
    const mail = await this.rows.claimOne(outboxId, now, this.config.mail.leaseMs);
    if (!mail) return false;
    await this.deliver(mail);
    return true;
  }

  /** The sweep: claims due rows batch by batch until none is left. Returns how many it handled. */
  async drainDue(): Promise<number> {
    let handled = 0;
    while (handled < MAX_PER_SWEEP) {
      const now = await this.clock.now();
      const batch = await this.rows.claimDue(now, this.config.mail.leaseMs, BATCH_SIZE);
      if (batch.length === 0) break;
      const results = await Promise.allSettled(batch.map((mail) => this.deliver(mail)));
      for (const [i, r] of results.entries()) {
        // The row stays `sending` and is claimed again when its lease ends.
        if (r.status === 'rejected')
          this.logger.error({
            msg: 'outbox delivery interrupted',
            outboxId: batch[i].id,
            error: describeError(r.reason),
          });
      }
      handled += batch.length;
    }
    return handled;
  }

  private async deliver(mail: ClaimedMail): Promise<void> {
    if (mail.previousStatus === 'sending') {
      this.logger.warn({
        msg: 'outbox: resuming a mail whose sender stopped mid-send; if the SMTP server had already accepted it, it is sent twice (same Message-ID)',
        outboxId: mail.id,
        messageId: mail.messageId,
        attempt: mail.attempts,
      });
    }
    let rendered: RenderedMail;
    try {
      rendered = renderMail(mail.template, mail.payload, mail.language, { timeZone: this.config.mechanism.timeZone });
    } catch (e) {
      // A payload that cannot be rendered now never will be: fail it at once.
      this.logger.error({
        msg: 'outbox: mail cannot be rendered; marked failed',
        outboxId: mail.id,
        template: mail.template,
        error: describeError(e),
      });
      if (await this.rows.markFailed(mail, await this.clock.now(), `render: ${describeError(e)}`))
        await this.alerts.raise(mail.id);
      return;
    }

    let response: string;
    try {
      const accepted = await this.transport.send({
        messageId: mail.messageId,
        to: { address: mail.recipientAddress, name: mail.recipientName ?? undefined },
        language: rendered.language,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
      });
      response = accepted.response;
    } catch (e) {
      await this.recordFailure(mail, e);
      return;
    }

    try {
      const recorded = await this.rows.markSent(
        mail,
        await this.clock.now(),
        response,
        sensitivePropsOf(mail.template),
      );
      if (!recorded) {
        this.logger.warn({
          msg: 'outbox: mail accepted by SMTP after its lease had passed to another worker; it may be sent twice (same Message-ID)',
          outboxId: mail.id,
          messageId: mail.messageId,
        });
      }
    } catch (e) {
      this.logger.error({
        msg: 'outbox: mail accepted by SMTP but not recorded as sent; it will be sent again when its lease ends (possible duplicate, same Message-ID)',
        outboxId: mail.id,
        messageId: mail.messageId,
        error: describeError(e),
      });
    }
  }

  private async recordFailure(mail: ClaimedMail, error: unknown): Promise<void> {
    const now = await this.clock.now();
    const reason = describeError(error);
    if (isPermanentSmtpFailure(error) || mail.attempts >= this.config.mail.maxAttempts) {
      this.logger.error({
        msg: 'outbox: mail failed for good',
        outboxId: mail.id,
        attempts: mail.attempts,
        error: reason,
      });
      if (await this.rows.markFailed(mail, now, reason)) await this.alerts.raise(mail.id);
      return;
    }
    const next = new Date(now.getTime() + retryDelayMs(mail.attempts, this.config.mail.retryBaseMs));
    this.logger.warn({
      msg: 'outbox: send failed; will retry',
      outboxId: mail.id,
      attempts: mail.attempts,
      nextAttemptAt: next.toISOString(),
      error: reason,
    });
    await this.rows.markRetry(mail, now, next, reason);
  }
}
