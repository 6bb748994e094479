import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { Clock } from '@mesecvi/clock';
import { DomainError } from '@mesecvi/errors';
import type { RequestMeta } from '@mesecvi/http';
import { DEADLINE_KINDS, type DeadlineKind, type RecipientRole, type ReminderTemplate } from '../deadline-vocabulary';
import { ReminderPlanner } from './reminder-planner.service';
import { ReminderRule } from './reminder-rule.entity';

/** One rule as the secretariat reads and writes it. */
export interface LadderRuleInput {
  offsetDays: number;
  /** HH:MM in the mechanism's time zone; default 09:00. */
  timeOfDay?: string;
  recipientRoles: RecipientRole[];
  template: ReminderTemplate;
  maxCount?: number;
}

export interface LadderRuleView extends Required<LadderRuleInput> {
  id: string;
  updatedAt: string;
}

export interface ReminderLadderView {
  deadlineKind: DeadlineKind;
  rules: LadderRuleView[];
}

const toView = (r: ReminderRule): LadderRuleView => ({
  id: r.id,
  offsetDays: r.offsetDays,
  timeOfDay: r.timeOfDay,
  recipientRoles: r.recipientRoles,
  template: r.template,
  maxCount: r.maxCount,
  updatedAt: r.updatedAt.toISOString(),
});

/**
 * Reminder ladders as data (one per deadline kind), edited by the secretariat. A rule is known by
 * its offset: an edit keeps, changes, adds or retires rules by offset, then re-plans the future
 * unsent reminders of every live deadline of the kind, in the same transaction.
 */
@Injectable()
export class ReminderLadders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly planner: ReminderPlanner,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<ReminderLadderView[]> {
    const rules = await this.dataSource
      .getRepository(ReminderRule)
      .find({ where: { retiredAt: IsNull() }, order: { deadlineKind: 'ASC', offsetDays: 'ASC' } });
    return DEADLINE_KINDS.map((kind) => ({
      deadlineKind: kind,
      rules: rules.filter((r) => r.deadlineKind === kind).map(toView),
    }));
  }

  async get(kind: string): Promise<ReminderLadderView> {
    const ladder = (await this.list()).find((l) => l.deadlineKind === kind);
    if (!ladder) throw new DomainError('not_found', `No reminder ladder for deadline kind ${kind}`);
    return ladder;
  }

  async replace(
    kind: string,
    rules: LadderRuleInput[],
    meta: RequestMeta,
  ): Promise<ReminderLadderView & { deadlinesReplanned: number }> {
    if (!(DEADLINE_KINDS as readonly string[]).includes(kind))
      throw new DomainError('not_found', `No reminder ladder for deadline kind ${kind}`);
    const deadlineKind = kind as DeadlineKind;
    const offsets = rules.map((r) => r.offsetDays);
    const repeated = offsets.find((o, i) => offsets.indexOf(o) !== i);
    if (repeated !== undefined) {
      throw new DomainError('validation_failed', `Two rules have the offset ${repeated}.`, {
        errors: [{ pointer: '/rules', message: `offsetDays ${repeated} appears twice` }],
      });
    }
    const now = await this.clock.now();
    const replanned = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ReminderRule);
      // Serialises concurrent edits of one ladder.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`reminder_ladder:${deadlineKind}`]);
      const current = await repo.find({ where: { deadlineKind, retiredAt: IsNull() } });
      const changed: number[] = [];
      for (const old of current) {
        const next = rules.find((r) => r.offsetDays === old.offsetDays);
        if (!next) {
          await repo.update({ id: old.id }, { retiredAt: now, updatedAt: now });
          changed.push(old.offsetDays);
          continue;
        }
        const values = {
          timeOfDay: next.timeOfDay ?? '09:00',
          recipientRoles: [...new Set(next.recipientRoles)],
          template: next.template,
          maxCount: next.maxCount ?? 3,
        };
        const same =
          values.timeOfDay === old.timeOfDay &&
          values.template === old.template &&
          values.maxCount === old.maxCount &&
          values.recipientRoles.join() === old.recipientRoles.join();
        if (same) continue;
        // Roles dropped from a rule keep their row key but stop being planned: re-planning supersedes them.
        await repo.update({ id: old.id }, { ...values, updatedAt: now });
        changed.push(old.offsetDays);
      }
      for (const rule of rules.filter((r) => !current.some((c) => c.offsetDays === r.offsetDays))) {
        await repo.insert({
          deadlineKind,
          offsetDays: rule.offsetDays,
          timeOfDay: rule.timeOfDay ?? '09:00',
          recipientRoles: [...new Set(rule.recipientRoles)],
          template: rule.template,
          maxCount: rule.maxCount ?? 3,
          createdAt: now,
          updatedAt: now,
          retiredAt: null,
        });
        changed.push(rule.offsetDays);
      }
      if (changed.length === 0) return 0;
      const count = await this.planner.replanKind(manager, deadlineKind, now);
      await this.audit.record(manager, {
        actor: meta.caller,
        action: 'reminder_ladder.updated',
        entity: { type: 'reminder_ladder', id: deadlineKind },
        summary: { changedOffsets: changed.sort((a, b) => a - b), deadlinesReplanned: count },
        requestId: meta.requestId,
        at: now,
      });
      return count;
    });
    return { ...(await this.get(deadlineKind)), deadlinesReplanned: replanned };
  }
}
