import type { PublishedReportSummary } from '../api';
import { formatDate, latestReports } from './latest-reports';

const report = (id: string, publishedAt: string): PublishedReportSummary => ({
  id,
  stateCode: 'ARG',
  roundName: 'Fourth round',
  symbol: `MESECVI/CEVI/doc.${id}`,
  adoptedOn: '2026-01-01',
  publishedAt,
});

describe('the latest reports on the home', () => {
  it('are the most recently published first, at most the count asked', () => {
    const reports = [
      report('a', '2026-01-02T10:00:00.000Z'),
      report('b', '2026-03-01T10:00:00.000Z'),
      report('c', '2025-12-31T10:00:00.000Z'),
    ];
    expect(latestReports(reports, 2).map((r) => r.id)).toEqual(['b', 'a']);
    expect(latestReports(reports).map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });

  it("show their date in the reader's language", () => {
    expect(formatDate('2026-03-01T10:00:00.000Z', 'fr')).toBe('1 mars 2026');
    expect(formatDate('2026-03-01T10:00:00.000Z', 'en')).toBe('March 1, 2026');
  });
});
