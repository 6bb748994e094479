/**
 * The words of the deadlines engine. Kept in one file so the entities'
 * check constraints, the API schemas and the ladders agree.
 */
export const DEADLINE_KINDS = [
  'appointment_reply',
  'response',
  'clarification',
  'observations',
  'follow_up',
  'ad_hoc',
  'appointment_end',
  'review',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * Kinds about the committee's own work (the rapporteurs' review of an evaluation): never shown to
 * the state's users, whose deadlines are the ones the state must meet.
 */
export const COMMITTEE_KINDS: readonly DeadlineKind[] = ['review'];

/** `passed`: the due day ended uncompleted and the deadline-passed handlers ran; late completion is still possible. */
export const DEADLINE_STATUSES = ['open', 'passed', 'completed', 'cancelled'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export const DEADLINE_CHANGES = ['created', 'moved', 'completed', 'cancelled', 'passed'] as const;
export type DeadlineChange = (typeof DEADLINE_CHANGES)[number];

/** Who a reminder rule addresses; the recipient directory turns each into addresses at send time. */
export const RECIPIENT_ROLES = [
  'focal_point',
  'contributors',
  'appointed_expert',
  'permanent_mission',
  'secretariat',
  'rapporteurs',
] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export const REMINDER_TEMPLATES = ['deadline_reminder', 'deadline_escalation'] as const;
export type ReminderTemplate = (typeof REMINDER_TEMPLATES)[number];

/**
 * planned → claimed (leased by a sweep) → queued (outbox rows written) | skipped (nobody behind
 * the role) | superseded (moved, stale, or replaced by a later rule) | cancelled (deadline closed).
 */
export const REMINDER_STATUSES = ['planned', 'claimed', 'queued', 'skipped', 'superseded', 'cancelled'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

export const REMINDER_REASONS = [
  'passed',
  'moved',
  'ladder_changed',
  'later_rule_due',
  'stale',
  'max_count',
  'completed',
  'cancelled',
  'no_recipient',
] as const;
export type ReminderReason = (typeof REMINDER_REASONS)[number];

/** A reminder more than this late is superseded rather than sent. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export const sqlList = (values: readonly string[]): string => values.map((v) => `'${v}'`).join(', ');

/** An ad-hoc deadline's title in the languages other than English (the `title` itself). */
export type TitleTranslations = Partial<Record<'es' | 'fr' | 'pt', string>>;
