export type CsvCell = string | number | boolean | null;

/** A spreadsheet would run a cell starting with these as a formula (CSV injection): quote it as text. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CsvCell): string {
  if (value == null) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180: CRLF line ends, quotes doubled, no trailing line end. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvCell>>): string {
  return rows.map((r) => r.map(cell).join(',')).join('\r\n');
}
