import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { appRoutes, webLink } from '@mesecvi/web-links';
import type { Language } from '@mesecvi/http';
import { Outbox } from '@mesecvi/mail';

interface FailedRow {
  kind: string;
  recipient_address: string | null;
  state_code: string | null;
  last_error: string | null;
  attempts: number;
}

/**
 * When a mail fails for good, every active secretariat account is told by mail (the dashboard
 * shows the count too). One alert per failed mail and person (dedup key); an alert that fails
 * raises no alert of its own, so a dead mail server cannot start a loop.
 */
@Injectable()
export class FailedMailAlerts {
  private readonly logger = new Logger('FailedMailAlerts');

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async raise(outboxId: string): Promise<void> {
    try {
      const now = await this.clock.now();
      const ids = await this.dataSource.transaction(async (manager) => {
        const rows: FailedRow[] = await manager.query(
          'SELECT kind, recipient_address, state_code, last_error, attempts FROM outbox_message WHERE id = $1',
          [outboxId],
        );
        const failed = rows[0];
        if (!failed || failed.kind === 'alert') return [];
        const people: Array<{ id: string; email: string; name: string; language: Language }> = await manager.query(
          `SELECT id, email, name, COALESCE(preferred_language, 'en') AS language FROM user_account WHERE role = 'secretariat' AND status = 'active' ORDER BY email`,
        );
        const staged: string[] = [];
        for (const person of people) {
          const id = await this.outbox.stageOnce(
            manager,
            {
              kind: 'alert',
              template: 'mail_failed',
              language: person.language,
              to: { address: person.email, name: person.name, userId: person.id, role: 'secretariat' },
              stateCode: failed.state_code,
              related: { type: 'outbox_message', id: outboxId },
              payload: {
                recipientName: person.name,
                failedKind: failed.kind,
                failedRecipient: failed.recipient_address ?? '—',
                stateCode: failed.state_code,
                lastError: (failed.last_error ?? 'unknown').slice(0, 2000),
                attempts: failed.attempts,
                ledgerLink: webLink(this.config.http.publicBaseUrl, appRoutes.failedMail.path()),
              },
            },
            `mail_failed:${outboxId}:${person.email}`,
            now,
          );
          if (id) staged.push(id);
        }
        return staged;
      });
      await this.outbox.wake(ids);
    } catch (e) {
      // The failure itself is recorded on the row and counted on the dashboard; an alert is extra.
      this.logger.error({
        msg: 'could not raise the failed-mail alert',
        outboxId,
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }
}
