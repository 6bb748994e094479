import type { PublishedReportSummary } from '../api';

/** How many reports the home lists. */
export const LATEST_REPORTS = 5;

/** The most recently published reports first, at most `count`. */
export function latestReports(reports: readonly PublishedReportSummary[], count = LATEST_REPORTS) {
  return [...reports].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)).slice(0, count);
}

/** A date in the reader's language, in the mechanism's calendar date (no time). */
export function formatDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}
