const DAY_MS = 86_400_000;

/** The wall-clock reading in `timeZone` at `instant`, as if that reading were UTC (ms). */
function wallClock(instant: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  for (const { type, value } of formatter.formatToParts(instant)) fields[type] = Number(value);
  return Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute);
}

/** When a deadline falls: the end of its due day in its time zone (midnight starting the next day there). */
export function deadlineInstant(dueDate: string, timeZone: string): Date {
  const nextMidnight = Date.parse(`${dueDate}T00:00:00Z`) + DAY_MS;
  // Two passes of the zone's offset settle on the instant, across a DST change too.
  let instant = nextMidnight - (wallClock(nextMidnight, timeZone) - nextMidnight);
  instant -= wallClock(instant, timeZone) - nextMidnight;
  return new Date(instant);
}

/** Whole days past the deadline at `now` (0 before and on the due day, in the deadline's zone). */
export function daysLate(dueDate: string, timeZone: string, now: Date): number {
  const today = Math.floor(wallClock(now.getTime(), timeZone) / DAY_MS) * DAY_MS;
  return Math.max(0, Math.round((today - Date.parse(`${dueDate}T00:00:00Z`)) / DAY_MS));
}

/** The due day as a date in the reader's language (a calendar date: no zone applies to it). */
export function formatDueDate(dueDate: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(dueDate));
}

/** An instant as the reader's own clock shows it, with the zone named (e.g. "30 Apr 2027, 23:59 GMT-3"). */
export function formatLocalTime(instant: Date, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  }).format(instant);
}
