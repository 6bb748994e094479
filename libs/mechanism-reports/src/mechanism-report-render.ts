import { escapeHtml } from '@mesecvi/http';
import type { AnnualReport, DesignationHolder } from './annual-report';
import type { HemisphericLine } from './hemispheric-figures';
import type { HemisphericReportView } from './hemispheric-report.view';

/**
 * The hemispheric and annual reports as self-contained documents: Markdown, or one HTML page
 * without scripts or external resources, every value escaped.
 */

/** Markdown text: nothing a renderer would read as HTML. */
const mdText = (s: string): string => s.replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A Markdown table cell: also no line breaks, pipes escaped. */
const cell = (s: string): string => mdText(s.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|'));
const title = (t: string): string => t.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

type Table = { head: string[]; rows: string[][] };

const mdTable = (t: Table): string[] => [
  `| ${t.head.map(cell).join(' | ')} |`,
  `|${t.head.map(() => ' --- ').join('|')}|`,
  ...t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
];
const htmlTable = (t: Table): string =>
  `<table><thead><tr>${t.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${t.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

const page = (heading: string, blocks: Array<{ h2?: string; p?: string; table?: Table }>): string =>
  [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(heading)}</title></head><body>`,
    `<h1>${escapeHtml(heading)}</h1>`,
    ...blocks.map((b) =>
      [
        b.h2 ? `<h2>${escapeHtml(b.h2)}</h2>` : '',
        b.p !== undefined ? `<p>${escapeHtml(b.p)}</p>` : '',
        b.table ? htmlTable(b.table) : '',
      ].join(''),
    ),
    '</body></html>',
  ].join('\n');

const markdown = (heading: string, blocks: Array<{ h2?: string; p?: string; table?: Table }>): string => {
  const lines = [`# ${mdText(heading)}`, ''];
  for (const b of blocks) {
    if (b.h2) lines.push(`## ${mdText(b.h2)}`, '');
    if (b.p !== undefined) lines.push(mdText(b.p), '');
    if (b.table) lines.push(...mdTable(b.table), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
};

// ---- hemispheric report ----

function hemisphericBlocks(
  r: HemisphericReportView,
  names: Record<string, string>,
): Array<{ h2?: string; p?: string; table?: Table }> {
  const f = r.figures;
  const followUp = f.round.kind === 'follow_up';
  const status = r.symbol
    ? `${r.symbol}${r.adoption ? ` · adopted ${r.adoption.adoptedOn} (${r.adoption.meeting})` : ''}${r.publishedAt ? ' · published' : ''}`
    : `Draft · figures as of ${f.asOf}`;
  const distribution = (lines: HemisphericLine[], label: string): Table => ({
    head: [label, 'Issued', ...f.statusValues.map(title), 'Closed'],
    rows: lines.map((l) => [
      l.key === '' ? 'All' : label === 'Theme' ? title(l.key) : l.key,
      String(l.issued),
      ...f.statusValues.map((s) => String(l.statuses[s] ?? 0)),
      String(l.closed),
    ]),
  });
  const states = (codes: string[]): string =>
    codes.length === 0 ? '—' : codes.map((c) => `${names[c] ?? c} (${c})`).join(', ');
  const blocks: Array<{ h2?: string; p?: string; table?: Table }> = [
    { p: status },
    {
      p: followUp
        ? `Follow-up of ${f.evaluationRound?.name ?? 'the evaluation round'}: ${f.total.issued} recommendations, by their latest rating up to this round (not_yet_rated: no rating recorded yet).`
        : `${f.total.issued} recommendations adopted in the country reports of this round, by their latest rating.`,
    },
    {
      h2: 'Responses of the States',
      table: {
        head: ['Invited', 'Responded', 'On time', 'Late', 'Never'],
        rows: [
          [f.responses.invited, f.responses.responded, f.responses.onTime, f.responses.late, f.responses.never].map(
            String,
          ),
        ],
      },
    },
    { p: `On time: ${states(f.responses.states.onTime)}.` },
    { p: `Late: ${states(f.responses.states.late)}.` },
    { p: `Never: ${states(f.responses.states.never)}.` },
    { h2: 'Recommendations and their status', table: distribution([f.total], 'Recommendations') },
    { h2: 'By theme', table: distribution(f.byTheme, 'Theme') },
    {
      h2: 'By article of the Convention',
      p: 'A recommendation that cites several articles counts under each.',
      table: distribution(
        f.byArticle.filter((l) => l.issued > 0),
        'Article',
      ),
    },
  ];
  if (followUp && f.total.before && f.total.change) {
    const change = (l: HemisphericLine, key: string): string[] => [
      key,
      ...f.statusValues.map(
        (s) =>
          `${l.before?.[s] ?? 0} → ${l.statuses[s] ?? 0} (${(l.change?.[s] ?? 0) >= 0 ? '+' : ''}${l.change?.[s] ?? 0})`,
      ),
    ];
    blocks.push({
      h2: 'Change since the evaluation round',
      p: 'Before: the recommendations as the evaluation round left them (none rated yet). After: the latest ratings recorded up to this follow-up round.',
      table: {
        head: ['', ...f.statusValues.map(title)],
        rows: [change(f.total, 'All'), ...f.byTheme.filter((l) => l.issued > 0).map((l) => change(l, title(l.key)))],
      },
    });
  }
  return blocks;
}

const hemisphericHeading = (r: HemisphericReportView): string => `Hemispheric report — ${r.figures.round.name}`;

export function hemisphericMarkdown(r: HemisphericReportView, names: Record<string, string>): string {
  return markdown(hemisphericHeading(r), hemisphericBlocks(r, names));
}

export function hemisphericHtml(r: HemisphericReportView, names: Record<string, string>): string {
  return page(hemisphericHeading(r), hemisphericBlocks(r, names));
}

// ---- annual report ----

const who = (h: DesignationHolder | null): string =>
  h
    ? `${h.name}${h.termStart ? ` (since ${h.termStart}${h.termEnd ? `, until ${h.termEnd}` : ''})` : h.accountStatus ? ` (account ${h.accountStatus})` : ''}`
    : 'vacant';

function annualBlocks(a: AnnualReport): Array<{ h2?: string; p?: string; table?: Table }> {
  const t = a.designationTotals;
  return [
    { p: `As of ${a.asOf}. Generated ${a.generatedAt}.` },
    {
      h2: 'Designations of experts and focal points',
      p: `${t.titular} of ${t.states} States have a titular expert, ${t.alternate} an alternate, ${t.focalPoint} a focal point; ${t.complete} have both their expert and their focal point.`,
      table: {
        head: ['State', 'Titular expert', 'Alternate', 'Focal point', 'Missing'],
        rows: a.designations.map((d) => [
          `${d.stateName} (${d.stateCode})`,
          who(d.titular),
          who(d.alternate),
          who(d.focalPoint),
          d.missing.join(', ') || '—',
        ]),
      },
    },
    {
      h2: 'Rounds in progress',
      table: {
        head: ['Round', 'Kind', 'Phase', 'Invited', 'Responded', 'On time', 'Late'],
        rows: a.rounds.map((r) => [
          r.name,
          r.kind,
          `${r.phase}${r.closedInYear ? ' (closed this year)' : ''}`,
          String(r.invited),
          String(r.responded),
          String(r.onTime),
          String(r.late),
        ]),
      },
    },
    {
      h2: 'Responses received',
      p: `${a.responseTotals.received} responses received in ${a.year} (${a.responseTotals.onTime} on time, ${a.responseTotals.late} late); ${a.responseTotals.laterVersions} later versions.`,
      table: {
        head: ['Round', 'Received', 'On time', 'Late', 'Later versions'],
        rows: a.responses.map((r) => [
          r.roundName,
          String(r.received),
          String(r.onTime),
          String(r.late),
          String(r.laterVersions),
        ]),
      },
    },
    {
      h2: 'Reports adopted',
      p: `${a.reportsAdopted.length} reports adopted in ${a.year}.`,
      table: {
        head: ['Symbol', 'Report', 'Adopted', 'Status'],
        rows: a.reportsAdopted.map((r) => [
          r.symbol,
          r.kind === 'country' ? `${r.roundName} — ${r.stateCode ?? ''}` : `${r.roundName} — hemispheric report`,
          r.adoptedOn,
          r.status,
        ]),
      },
    },
  ];
}

export function annualMarkdown(a: AnnualReport): string {
  return markdown(`Annual report of the MESECVI — ${a.year}`, annualBlocks(a));
}

export function annualHtml(a: AnnualReport): string {
  return page(`Annual report of the MESECVI — ${a.year}`, annualBlocks(a));
}
