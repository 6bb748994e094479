import { daysBetween, dueInstant, localDate } from '@mesecvi/deadlines';

export interface SubmissionTiming {
  onTime: boolean;
  /** Calendar days after the due date, in the deadline's time zone; 0 when on time. */
  daysLate: number;
  /** The due date measured against, or null when there was none (on time by definition). */
  dueDate: string | null;
}

/** On time until the due day ends in the deadline's time zone; then late by calendar days there. */
export function submissionTiming(
  submittedAt: Date,
  deadline: { dueDate: string; timeZone: string } | null,
): SubmissionTiming {
  if (!deadline) return { onTime: true, daysLate: 0, dueDate: null };
  if (submittedAt.getTime() < dueInstant(deadline.dueDate, deadline.timeZone).getTime())
    return { onTime: true, daysLate: 0, dueDate: deadline.dueDate };
  return {
    onTime: false,
    daysLate: Math.max(1, daysBetween(deadline.dueDate, localDate(submittedAt, deadline.timeZone))),
    dueDate: deadline.dueDate,
  };
}
