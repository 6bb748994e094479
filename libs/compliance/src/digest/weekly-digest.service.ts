import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { appRoutes, webLink } from '@mesecvi/web-links';
import type { Language } from '@mesecvi/http';
import { Outbox } from '@mesecvi/mail';
import { digestProps, readDigestFacts } from './digest-content';
import { latestDigestMoment } from './digest-moment';

export interface DigestRun {
  /** The week's key (the digest's day), or null when digests are switched off. */
  day: string | null;
  /** Mails staged by this run: 0 when this week's were already staged. */
  staged: number;
}

/**
 * The secretariat's weekly digest through the outbox. Idempotent per week and recipient: the
 * dedup key is `weekly_digest:<day>:<user id>`, so repeated ticks, restarts and several workers
 * stage each mail once. An account activated mid-week still gets that week's digest.
 */
@Injectable()
export class WeeklyDigest {
  private readonly logger = new Logger('WeeklyDigest');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  async run(): Promise<DigestRun> {
    const { digest, mechanism } = this.config;
    if (!digest.enabled) return { day: null, staged: 0 };
    const now = await this.clock.now();
    const moment = latestDigestMoment(now, digest.weekday, digest.hour, mechanism.timeZone);
    const ids = await this.dataSource.transaction(async (manager) => {
      const people: Array<{ id: string; email: string; name: string; language: Language }> = await manager.query(
        `SELECT id, email, name, coalesce(preferred_language, 'en') AS language FROM user_account WHERE role = 'secretariat' AND status = 'active' ORDER BY email`,
      );
      const staged: string[] = [];
      const keyOf = (userId: string): string => `weekly_digest:${moment.day}:${userId}`;
      const done: Array<{ dedup_key: string }> = await manager.query(
        `SELECT dedup_key FROM outbox_message WHERE dedup_key = ANY($1::text[])`,
        [people.map((p) => keyOf(p.id))],
      );
      const due = people.filter((p) => !done.some((d) => d.dedup_key === keyOf(p.id)));
      // Most ticks end here: this week's digests are staged already.
      if (due.length === 0) return staged;
      // Facts as of the moment's week; read once, rendered per recipient.
      const facts = await readDigestFacts(manager, now, moment.previousAt, mechanism.timeZone);
      for (const person of due) {
        const id = await this.outbox.stageOnce(
          manager,
          {
            kind: 'digest',
            template: 'weekly_digest',
            language: person.language,
            to: { address: person.email, name: person.name, userId: person.id, role: 'secretariat' },
            related: { type: 'weekly_digest', id: moment.day },
            payload: digestProps(facts, {
              recipientName: person.name,
              language: person.language,
              day: moment.day,
              since: moment.previousAt,
              link: webLink(this.config.http.publicBaseUrl, appRoutes.failedMail.path()),
            }),
          },
          keyOf(person.id),
          now,
        );
        if (id) staged.push(id);
      }
      return staged;
    });
    await this.outbox.wake(ids);
    if (ids.length > 0) this.logger.log({ msg: 'weekly digest staged', day: moment.day, mails: ids.length });
    return { day: moment.day, staged: ids.length };
  }
}
