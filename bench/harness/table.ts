import { formatTarget, meetsTarget, workloadOf, type Comparison, type Figures } from './benchmark';

export const TABLE_HEADER = [
  'name',
  'workload',
  'our figure',
  'baseline (same run)',
  'ratio',
  'target',
  'pass/fail',
] as const;

export type Verdict = 'pass' | 'FAIL' | 'smoke' | 'ERROR';

export interface ResultRow {
  comparison: Comparison;
  /** Absent when the benchmark crashed before producing figures. */
  figures?: Figures;
  smoke: boolean;
}

export function ratioOf(figures: Figures): number {
  return figures.baseline === 0 ? Number.NaN : figures.ours / figures.baseline;
}

export function verdictOf(row: ResultRow): Verdict {
  if (!row.figures) return 'ERROR';
  if (row.smoke) return 'smoke';
  const ratio = ratioOf(row.figures);
  return Number.isFinite(ratio) && meetsTarget(ratio, row.comparison.target) ? 'pass' : 'FAIL';
}

export function formatFigure(value: number, units: string): string {
  // Big figures read better rounded with separators; small ones keep two decimals.
  const shown = Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
  return `${shown} ${units}`;
}

function cellsOf(row: ResultRow): string[] {
  const { comparison, figures } = row;
  const dash = '–';
  return [
    comparison.name,
    workloadOf(comparison, row.smoke),
    figures ? formatFigure(figures.ours, comparison.units) : dash,
    figures ? formatFigure(figures.baseline, comparison.units) : dash,
    figures ? ratioOf(figures).toFixed(2) : dash,
    formatTarget(comparison.target),
    verdictOf(row),
  ];
}

/** A Markdown table, padded so it also reads well in a terminal (and pastes into docs/benchmarks.md). */
export function renderTable(rows: ResultRow[]): string {
  const body = rows.map(cellsOf);
  const all = [[...TABLE_HEADER], ...body];
  const widths = TABLE_HEADER.map((_, i) => Math.max(...all.map((cells) => cells[i].length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line([...TABLE_HEADER]), rule, ...body.map(line)].join('\n');
}
