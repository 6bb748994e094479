import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';

export interface OutgoingMail {
  messageId: string;
  to: { address: string; name?: string };
  language: string;
  subject: string;
  html: string;
  text: string;
}

export interface SmtpAcceptance {
  /** The server's reply line, e.g. "250 Message queued". */
  response: string;
  messageId: string;
}

/**
 * One pooled SMTP transport per worker process, built once from SMTP_URL. Timeouts are short
 * enough that a hanging server fails the attempt well within the row's lease; query parameters
 * of SMTP_URL (e.g. `?maxConnections=10`) override these defaults.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger('MailTransport');
  private readonly transporter: Transporter<SMTPPool.SentMessageInfo>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transporter = createTransport(
      new SMTPPool({
        url: config.mail.smtpUrl,
        pool: true,
        maxConnections: 5,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      }),
    );
    // Never let a transport-level error event take the process down; the send itself reports it.
    this.transporter.on('error', (e: Error) => this.logger.warn({ msg: 'SMTP transport error', error: e.message }));
  }

  /** Resolves once the server accepted the message (250); rejects on any failure. */
  async send(mail: OutgoingMail): Promise<SmtpAcceptance> {
    const info = await this.transporter.sendMail({
      from: this.config.mail.from,
      to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' },
    });
    return { response: info.response, messageId: info.messageId };
  }

  /**
   * Late in shutdown, beside the BullMQ workers finishing their jobs: closing only drops idle
   * connections, and a send it cuts short is recorded as a retry, never lost.
   */
  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
