/**
 * Calendar arithmetic in a time zone, with Intl only (no date library): a deadline is a calendar
 * date plus a time zone, due at the end of that day; a rule "−7d at 09:00" fires at 09:00 local
 * time seven calendar days before. Offsets come from the runtime's ICU data, DST included.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

function parts(date: string): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d)
    throw new RangeError(`no such date: ${date}`);
  return [y, mo, d];
}

export function isCalendarDate(value: string): boolean {
  try {
    parts(value);
    return true;
  } catch {
    return false;
  }
}

const toIsoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return toIsoDate(Date.UTC(y, m - 1, d) + days * DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading in `timeZone` at `instant`, as if it were UTC (milliseconds). */
function wallClockMs(instant: Date, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(instant))
    if (type !== 'literal') p[type] = Number(value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/** The zone's offset from UTC at `instant` (e.g. −4 h in New York in summer), in milliseconds. */
export function offsetAt(instant: Date, timeZone: string): number {
  const whole = new Date(Math.floor(instant.getTime() / 1000) * 1000);
  return wallClockMs(whole, timeZone) - whole.getTime();
}

/** The calendar date in `timeZone` at `instant`. */
export function localDate(instant: Date, timeZone: string): string {
  return toIsoDate(wallClockMs(instant, timeZone));
}

/**
 * The instant at which the wall clock in `timeZone` reads `date time`. A time skipped by a DST
 * change (02:30 on a spring-forward night) maps to the same distance past the gap (03:30); a time
 * that occurs twice (a fall-back night) maps to its first occurrence.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = parts(date);
  const t = TIME.exec(time);
  if (!t) throw new RangeError(`not an HH:MM time: ${time}`);
  const wall = Date.UTC(y, m - 1, d, Number(t[1]), Number(t[2]));
  // Offsets a day and a half either side bracket any single DST change near this wall time.
  const before = offsetAt(new Date(wall - 1.5 * DAY_MS), timeZone);
  const after = offsetAt(new Date(wall + 1.5 * DAY_MS), timeZone);
  const valid = [wall - before, wall - after].filter((c) => wallClockMs(new Date(c), timeZone) === wall);
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(wall - before); // in a gap: the offset in force before it pushes the time forward
}

/** When a deadline is due: the end of its day, i.e. the first instant of the next day there. */
export function dueInstant(dueDate: string, timeZone: string): Date {
  return zonedInstant(addDays(dueDate, 1), '00:00', timeZone);
}

/** When a rule "offsetDays at timeOfDay" fires for a deadline due on `dueDate`. */
export function ruleInstant(dueDate: string, offsetDays: number, timeOfDay: string, timeZone: string): Date {
  return zonedInstant(addDays(dueDate, offsetDays), timeOfDay, timeZone);
}

/** Days left from `now` (a day in `timeZone`) to the due date: 0 on the due day, negative when late. */
export function daysLeft(dueDate: string, now: Date, timeZone: string): number {
  return daysBetween(localDate(now, timeZone), dueDate);
}
