import { testEnv } from './test-env';
import { waitFor } from './wait';

/** A mail as maildev's REST API returns it (the fields the tests use). */
export interface ReceivedMail {
  id: string;
  subject: string;
  text?: string;
  html?: string;
  headers: Record<string, string>;
  from: Array<{ address: string; name: string }>;
  to: Array<{ address: string; name: string }>;
  date: string;
}

/** Reads what the SMTP sink received. Suites filter by recipient, so they never see each other's mail. */
export class MailSink {
  constructor(private readonly baseUrl = testEnv().mailWebUrl) {
    if (!baseUrl) throw new Error('MAIL_WEB_URL is not set: the SMTP sink web API is needed');
  }

  async all(): Promise<ReceivedMail[]> {
    const res = await fetch(`${this.baseUrl}/email`);
    if (!res.ok) throw new Error(`mail sink answered ${res.status}`);
    return (await res.json()) as ReceivedMail[];
  }

  async to(address: string): Promise<ReceivedMail[]> {
    const lower = address.toLowerCase();
    return (await this.all()).filter((m) => m.to.some((t) => t.address.toLowerCase() === lower));
  }

  async waitForMailTo(address: string, count = 1, timeoutMs = 15000): Promise<ReceivedMail[]> {
    return waitFor(
      `${count} mail(s) to ${address}`,
      async () => {
        const mails = await this.to(address);
        return mails.length >= count ? mails : undefined;
      },
      timeoutMs,
      200,
    );
  }
}
