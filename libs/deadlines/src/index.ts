export { DeadlinesModule } from './deadlines.module';
export {
  DEADLINE_KINDS,
  COMMITTEE_KINDS,
  DEADLINE_STATUSES,
  DEADLINE_CHANGES,
  RECIPIENT_ROLES,
  REMINDER_TEMPLATES,
  REMINDER_STATUSES,
  REMINDER_REASONS,
  STALE_AFTER_MS,
  type DeadlineKind,
  type DeadlineStatus,
  type DeadlineChange,
  type RecipientRole,
  type ReminderTemplate,
  type ReminderStatus,
  type ReminderReason,
  type TitleTranslations,
} from './deadline-vocabulary';
export {
  addDays,
  daysBetween,
  daysLeft,
  dueInstant,
  ruleInstant,
  zonedInstant,
  localDate,
  isCalendarDate,
} from './deadline-time';
export { Deadline } from './deadlines/deadline.entity';
export { DeadlineVersion } from './deadlines/deadline-version.entity';
export {
  DeadlinesService,
  type DeadlineInput,
  type DeadlineMove,
  type DeadlineChangeContext,
} from './deadlines/deadlines.service';
export { DeadlinePassedHandlers, type DeadlinePassedHandler } from './deadlines/deadline-passed.registry';
export {
  DeadlineQueries,
  type DeadlineListFilter,
  type DeadlineScope,
  DeadlinePageSchema,
  type DeadlinePage,
  type DeadlineDetail,
  type ReminderView,
  type ReminderDelivery,
} from './deadlines/deadline-queries.service';
export {
  SecretariatDeadlines,
  AD_HOC_SUBJECT,
  type AdHocDeadlineInput,
} from './deadlines/secretariat-deadlines.service';
export {
  toDeadlineView,
  DeadlineViewSchema,
  type DeadlineView,
  type DeadlineHistoryEntry,
} from './deadlines/deadline.view';
export { ReminderRule } from './reminders/reminder-rule.entity';
export { Reminder } from './reminders/reminder.entity';
export { planReminders, type LadderRule, type PlannedReminder } from './reminders/reminder-plan';
export {
  ReminderLadders,
  type LadderRuleInput,
  type LadderRuleView,
  type ReminderLadderView,
} from './reminders/reminder-ladders.service';
export { ReminderSweep, type SweepStats } from './reminders/reminder-sweep.service';
export {
  RecipientDirectory,
  MISSION_FOR_FOCAL_POINT,
  focalPointPageLink,
  type Recipient,
  type RecipientResolver,
  type ReminderSubject,
} from './recipients/recipient-directory.service';
export { checkPastDue, PAST_DUE_RULE } from './past-due';
export { DEADLINE_RULES } from './deadline-rules';
export { titleIn } from './reminders/reminder-mail';
export { REMINDER_MAIL_STATUSES, reminderMailStatus, type ReminderMailStatus } from './reminders/reminder-mail-status';
