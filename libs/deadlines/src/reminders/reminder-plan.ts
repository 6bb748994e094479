import type { RecipientRole, ReminderReason } from '../deadline-vocabulary';
import { ruleInstant } from '../deadline-time';

/** The part of a ladder rule planning needs. */
export interface LadderRule {
  id: string;
  offsetDays: number;
  timeOfDay: string;
  recipientRoles: readonly RecipientRole[];
}

export interface PlannedReminder {
  ruleId: string;
  recipientRole: RecipientRole;
  plannedAt: Date;
  /** A rule whose moment has already passed is written superseded: it is never sent late. */
  status: 'planned' | 'superseded';
  reason: ReminderReason | null;
}

/** One row per rule and recipient role of the ladder, for a deadline due on `dueDate` in `timeZone`. */
export function planReminders(
  dueDate: string,
  timeZone: string,
  ladder: readonly LadderRule[],
  now: Date,
): PlannedReminder[] {
  const rows: PlannedReminder[] = [];
  for (const rule of ladder) {
    const plannedAt = ruleInstant(dueDate, rule.offsetDays, rule.timeOfDay, timeZone);
    const passed = plannedAt.getTime() <= now.getTime();
    for (const recipientRole of rule.recipientRoles) {
      rows.push({
        ruleId: rule.id,
        recipientRole,
        plannedAt,
        status: passed ? 'superseded' : 'planned',
        reason: passed ? 'passed' : null,
      });
    }
  }
  return rows.sort((a, b) => a.plannedAt.getTime() - b.plannedAt.getTime());
}
