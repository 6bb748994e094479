import { addDays, localDate, zonedInstant } from '@mesecvi/deadlines';

export interface DigestMoment {
  /** The digest's calendar day in the mechanism's time zone (YYYY-MM-DD): the week's key. */
  day: string;
  at: Date;
  /** The week before's moment: the digest reports what failed since then. */
  previousAt: Date;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

const hourOf = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

/**
 * The latest digest moment at or before `now`: the configured weekday and hour, on the wall clock
 * of `timeZone` (DST included). Only the latest one counts: a worker down for two weeks sends one
 * digest when it comes back, not two.
 */
export function latestDigestMoment(now: Date, weekday: number, hour: number, timeZone: string): DigestMoment {
  const today = localDate(now, timeZone);
  let day = addDays(today, -((isoWeekday(today) - weekday + 7) % 7));
  let at = zonedInstant(day, hourOf(hour), timeZone);
  if (at.getTime() > now.getTime()) {
    day = addDays(day, -7);
    at = zonedInstant(day, hourOf(hour), timeZone);
  }
  return { day, at, previousAt: zonedInstant(addDays(day, -7), hourOf(hour), timeZone) };
}

/** The first digest moment strictly after `now` (for tests and the demo: "when is the next one?"). */
export function nextDigestMoment(now: Date, weekday: number, hour: number, timeZone: string): Date {
  const latest = latestDigestMoment(now, weekday, hour, timeZone);
  return zonedInstant(addDays(latest.day, 7), hourOf(hour), timeZone);
}
