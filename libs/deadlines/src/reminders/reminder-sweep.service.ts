import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import type { Language } from '@mesecvi/http';
import { Outbox } from '@mesecvi/mail';
import { STALE_AFTER_MS } from '../deadline-vocabulary';
import { DeadlinePassing } from '../deadlines/deadline-passing.service';
import { focalPointPageLink, RecipientDirectory } from '../recipients/recipient-directory.service';
import { ReminderClaims, type Claim, type ClaimedReminder, type ReminderOutcome } from './reminder-claims.repository';
import { reminderDedupKey, reminderLink, reminderMail, reminderSkippedKey, type StateNames } from './reminder-mail';

/** Reminders per claim (and per processing transaction). */
const BATCH_SIZE = 50;
/** Keeps one tick bounded; whatever is left is due at the next one. */
const MAX_PER_TICK = 5000;

export interface SweepStats {
  deadlinesPassed: number;
  claimed: number;
  queued: number;
  skipped: number;
  superseded: number;
  cancelled: number;
  mails: number;
}

/**
 * The reminder sweep, run by the worker every tick: deadlines whose day ended are
 * passed, then due reminders are claimed with a lease and, in one transaction per batch, either
 * set aside (superseded, cancelled) or turned into one outbox row per recipient — addresses
 * resolved now — and marked queued. The outbox is woken after commit. Everything it needs is in
 * PostgreSQL, so a flushed Redis or a killed worker loses nothing: the next tick finds it.
 */
@Injectable()
export class ReminderSweep {
  private readonly logger = new Logger('ReminderSweep');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly claims: ReminderClaims,
    private readonly recipients: RecipientDirectory,
    private readonly outbox: Outbox,
    private readonly audit: AuditService,
    private readonly passing: DeadlinePassing,
  ) {}

  async run(): Promise<SweepStats> {
    const stats: SweepStats = {
      deadlinesPassed: 0,
      claimed: 0,
      queued: 0,
      skipped: 0,
      superseded: 0,
      cancelled: 0,
      mails: 0,
    };
    stats.deadlinesPassed = await this.passing.passDue(await this.clock.now());
    while (stats.claimed < MAX_PER_TICK) {
      const now = await this.clock.now();
      const claim = await this.claims.claim(now, this.config.reminders.leaseMs, BATCH_SIZE);
      if (claim.ids.length === 0) break;
      stats.claimed += claim.ids.length;
      const { outcomes, outboxIds } = await this.process(claim);
      for (const o of outcomes) stats[o.status] += 1;
      stats.mails += outboxIds.length;
      await this.outbox.wake(outboxIds);
    }
    if (stats.claimed > 0 || stats.deadlinesPassed > 0) this.logger.log({ msg: 'reminder sweep', ...stats });
    return stats;
  }

  /** One transaction: decide each claimed reminder, stage its mails, record outcomes and one audit event. */
  private process(claim: Claim): Promise<{ outcomes: ReminderOutcome[]; outboxIds: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const now = await this.clock.now();
      const claimed = await this.claims.lockClaimed(manager, claim, now);
      const outcomes: ReminderOutcome[] = [];
      const outboxIds: string[] = [];
      const states = new Map<string, StateNames>();
      for (const reminder of claimed) {
        if (reminder.claims > 1)
          this.logger.warn({
            msg: 'reminder claimed again after its lease ran out (a sweep stopped mid-way)',
            reminderId: reminder.id,
            claims: reminder.claims,
          });
        const setAside = this.setAside(reminder, now);
        if (setAside) {
          outcomes.push(setAside);
          continue;
        }
        const outcome = await this.send(manager, reminder, now, states, outboxIds);
        outcomes.push(outcome);
      }
      await this.claims.finish(manager, outcomes, now);
      if (outcomes.length > 0) {
        const count = (s: ReminderOutcome['status']): number => outcomes.filter((o) => o.status === s).length;
        await this.audit.record(manager, {
          actor: null,
          action: 'reminder.swept',
          entity: { type: 'reminder_claim', id: claim.token },
          summary: {
            queued: count('queued'),
            skipped: count('skipped'),
            superseded: count('superseded'),
            cancelled: count('cancelled'),
            mails: outboxIds.length,
            reminderIds: outcomes.map((o) => o.id),
          },
          at: now,
        });
      }
      return { outcomes, outboxIds };
    });
  }

  /** Reminders that must not be sent: the deadline closed or moved, the rule retired, or the moment gone. */
  private setAside(r: ClaimedReminder, now: Date): ReminderOutcome | null {
    const outcome = (status: 'superseded' | 'cancelled', reason: ReminderOutcome['reason']): ReminderOutcome => ({
      id: r.id,
      status,
      reason,
      recipients: null,
    });
    if (r.deadlineStatus === 'completed' || r.deadlineStatus === 'cancelled')
      return outcome('cancelled', r.deadlineStatus);
    if (r.deadlineVersion !== r.currentVersion) return outcome('superseded', 'moved');
    if (r.retired) return outcome('superseded', 'ladder_changed');
    // Stale reminders are superseded, not sent late: no "30 days left" mail when 2 are left.
    if (now.getTime() - r.plannedAt.getTime() > STALE_AFTER_MS) return outcome('superseded', 'stale');
    if (r.laterRuleDue) return outcome('superseded', 'later_rule_due');
    if (r.alreadySent >= r.maxCount) return outcome('superseded', 'max_count');
    return null;
  }

  private async send(
    manager: EntityManager,
    r: ClaimedReminder,
    now: Date,
    states: Map<string, StateNames>,
    outboxIds: string[],
  ): Promise<ReminderOutcome> {
    const state = await this.stateNames(manager, r.stateCode, states);
    const people =
      r.recipientRole === 'focal_point' && !r.ruleAddressesMission
        ? await this.recipients.resolveFocalPointOrMission(manager, r.stateCode)
        : await this.recipients.resolve(manager, r.recipientRole, r.stateCode, {
            kind: r.kind,
            type: r.subjectType,
            id: r.subjectId,
          });
    if (people.length === 0) {
      await this.outbox.recordSkipped(
        manager,
        {
          kind: 'reminder',
          template: r.template,
          language: state.workingLanguage,
          role: r.recipientRole,
          stateCode: r.stateCode,
          related: { type: 'reminder', id: r.id },
          reason: `nobody is behind the role ${r.recipientRole} for ${r.stateCode}`,
        },
        reminderSkippedKey(r.id),
        now,
      );
      return { id: r.id, status: 'skipped', reason: 'no_recipient', recipients: 0 };
    }
    const link = reminderLink(this.config.http.publicBaseUrl, r);
    for (const person of people) {
      // A mission has no account: it is led to the public page on designating a focal point.
      const focalPointPage = person.standsInForFocalPoint
        ? focalPointPageLink(this.config.http.publicBaseUrl, person.language)
        : undefined;
      const id = await this.outbox.stageOnce(
        manager,
        reminderMail(r, person, state, focalPointPage ?? link, now, focalPointPage),
        reminderDedupKey(r.id, person.address),
        now,
      );
      if (id) outboxIds.push(id);
    }
    return { id: r.id, status: 'queued', reason: null, recipients: people.length };
  }

  private async stateNames(manager: EntityManager, code: string, cache: Map<string, StateNames>): Promise<StateNames> {
    const cached = cache.get(code);
    if (cached) return cached;
    const rows: Array<{ en: string; es: string; fr: string; pt: string; working_language: Language }> =
      await manager.query(
        'SELECT name_en AS en, name_es AS es, name_fr AS fr, name_pt AS pt, working_language FROM state_party WHERE code = $1',
        [code],
      );
    const row = rows[0];
    if (!row) throw new Error(`state party ${code} is missing`);
    const names: StateNames = {
      code,
      names: { en: row.en, es: row.es, fr: row.fr, pt: row.pt },
      workingLanguage: row.working_language,
    };
    cache.set(code, names);
    return names;
  }
}
