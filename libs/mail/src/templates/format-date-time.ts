import type { Language } from '@mesecvi/http';

/** Regional forms readers of each language expect (Brazil is the Portuguese-speaking state party). */
const LOCALES: Readonly<Record<Language, string>> = { en: 'en-US', es: 'es', fr: 'fr', pt: 'pt-BR' };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "March 15, 2026 at 05:00 PM EDT" / "15 de marzo de 2026, 17:00 GMT-4" … in the given time zone. */
export function formatDateTime(iso: string, language: Language, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new Error(`not an ISO 8601 instant: ${iso}`);
  const key = `${language}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALES[language], {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    formatters.set(key, formatter);
  }
  return formatter.format(instant);
}

const dateFormatters = new Map<Language, Intl.DateTimeFormat>();

/** "March 15, 2026" / "15 de marzo de 2026" … for a calendar date, which has no time zone. */
export function formatDate(isoDate: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`not an ISO 8601 date: ${isoDate}`);
  let formatter = dateFormatters.get(language);
  if (!formatter) {
    // The date is pinned to UTC on both sides, so no zone can shift it by a day.
    formatter = new Intl.DateTimeFormat(LOCALES[language], {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    });
    dateFormatters.set(language, formatter);
  }
  return formatter.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}
