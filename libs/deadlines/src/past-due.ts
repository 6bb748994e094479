import { fieldInvalid } from '@mesecvi/errors';
import { localDate } from './deadline-time';
import { DEADLINE_RULES } from './deadline-rules';

/** The rule a due date before today breaks unless the request confirms it. */
export const PAST_DUE_RULE = DEADLINE_RULES.due_date_in_past.rule;

/**
 * A due date before today (in the mechanism's time zone) is almost always a typing mistake, and
 * accepting it would plan no reminders and mail states a deadline already gone. It passes only
 * when the request says so (`confirmPastDue: true`), to enter the history of past rounds.
 * Returns true when a past date was confirmed, so the caller audits that it was intended.
 */
export function checkPastDue(
  pointer: string,
  dueDate: string,
  now: Date,
  timeZone: string,
  confirmPastDue: boolean | undefined,
): boolean {
  const today = localDate(now, timeZone);
  if (dueDate >= today) return false;
  if (confirmPastDue === true) return true;
  throw fieldInvalid(pointer, DEADLINE_RULES.due_date_in_past, { dueDate, today });
}
