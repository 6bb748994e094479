import type { AnnualReport } from './annual-report';
import type { HemisphericLine } from './hemispheric-figures';
import type { HemisphericReportView } from './hemispheric-report.view';
import { annualHtml, annualMarkdown, hemisphericHtml, hemisphericMarkdown } from './mechanism-report-render';

const values = ['complied', 'not_yet_rated'];
const line = (key: string, complied: number, unrated: number, followUp: boolean): HemisphericLine => ({
  key,
  issued: complied + unrated,
  closed: complied,
  statuses: { complied, not_yet_rated: unrated },
  before: followUp ? { complied: 0, not_yet_rated: complied + unrated } : null,
  change: followUp ? { complied, not_yet_rated: -complied } : null,
});

const view = (followUp: boolean): HemisphericReportView => ({
  id: null,
  roundId: 'r1',
  status: 'draft',
  symbol: null,
  adoption: null,
  publishedAt: null,
  figures: {
    round: {
      id: 'r1',
      name: 'Round <script>alert(1)</script> | 5',
      kind: followUp ? 'follow_up' : 'evaluation',
      number: 5,
      phase: 'analysis',
    },
    evaluationRound: followUp ? { id: 'r0', name: 'Fourth round', number: 4 } : null,
    asOf: '2027-06-01T12:00:00.000Z',
    statusValues: values,
    total: line('', 1, 2, followUp),
    byTheme: [line('legislation', 1, 1, followUp), line('budget', 0, 1, followUp)],
    byArticle: [line('7.c', 1, 0, followUp), line('9', 0, 0, followUp)],
    responses: {
      invited: 3,
      responded: 2,
      onTime: 1,
      late: 1,
      never: 1,
      states: { onTime: ['ARG'], late: ['BRA'], never: ['HTI'] },
    },
  },
});

describe('mechanism report rendering', () => {
  it('escapes every value in HTML and keeps Markdown tables intact', () => {
    const html = hemisphericHtml(view(false), { HTI: 'Haïti & <co>' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('Round &lt;script&gt;alert(1)&lt;/script&gt; | 5');
    expect(html).toContain('Haïti &amp; &lt;co&gt; (HTI)');
    const md = hemisphericMarkdown(view(false), {});
    expect(md).toContain('# Hemispheric report — Round &lt;script&gt;alert(1)&lt;/script&gt; | 5');
    expect(md).not.toContain('<script>');
    expect(md).toContain('| Legislation | 2 | 1 | 1 | 1 |');
    // Articles without recommendations are left out of the table; themes are all listed.
    expect(md).toContain('| 7.c | 1 | 1 | 0 | 1 |');
    expect(md).not.toContain('| 9 |');
    expect(md).not.toContain('Change since the evaluation round');
  });

  it('adds the change since the evaluation round for a follow-up round', () => {
    const md = hemisphericMarkdown(view(true), {});
    expect(md).toContain('## Change since the evaluation round');
    expect(md).toContain('| All | 0 → 1 (+1) | 3 → 2 (-1) |');
    expect(md).toContain('| Legislation | 0 → 1 (+1) | 2 → 1 (-1) |');
  });

  it('renders the annual report with pipes in names escaped', () => {
    const report: AnnualReport = {
      year: 2027,
      asOf: '2027-12-31',
      generatedAt: '2028-01-05T10:00:00.000Z',
      designations: [
        {
          stateCode: 'ARG',
          stateName: 'Argentina',
          titular: {
            name: 'A | B',
            source: 'appointment',
            termStart: '2027-01-01',
            termEnd: null,
            noteReference: 'N',
            accountStatus: null,
          },
          alternate: null,
          focalPoint: null,
          missing: ['focal_point'],
        },
      ],
      designationTotals: { states: 1, titular: 1, alternate: 0, focalPoint: 0, complete: 0 },
      rounds: [],
      responses: [],
      responseTotals: { received: 0, onTime: 0, late: 0, laterVersions: 0 },
      reportsAdopted: [],
    };
    expect(annualMarkdown(report)).toContain(
      '| Argentina (ARG) | A \\| B (since 2027-01-01) | vacant | vacant | focal_point |',
    );
    expect(annualHtml(report)).toContain('<td>A | B (since 2027-01-01)</td>');
  });
});
