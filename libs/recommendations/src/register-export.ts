import { Workbook } from 'exceljs';
import { toCsv, type CsvCell } from '@mesecvi/compliance';
import type { RegisterRow } from './register.view';

/** Column name → cell, shared by CSV and XLSX so both carry exactly what the JSON list does. */
const COLUMNS: ReadonlyArray<[string, (r: RegisterRow) => CsvCell]> = [
  ['id', (r) => r.id],
  ['state_code', (r) => r.stateCode],
  ['round', (r) => r.round.number],
  ['number', (r) => r.number],
  ['theme', (r) => r.theme],
  ['articles', (r) => r.articles.join(' ')],
  ['status', (r) => r.status],
  ['compliance_status', (r) => r.complianceStatus],
  ['closed', (r) => r.closed],
  ['report_symbol', (r) => r.report?.documentSymbol ?? null],
  ['text', (r) => r.text],
  ['text_en', (r) => r.translations.en ?? null],
  ['text_es', (r) => r.translations.es ?? null],
  ['text_fr', (r) => r.translations.fr ?? null],
  ['text_pt', (r) => r.translations.pt ?? null],
];

export const REGISTER_COLUMNS: readonly string[] = COLUMNS.map(([name]) => name);

export function registerCsv(rows: readonly RegisterRow[]): string {
  return toCsv([COLUMNS.map(([name]) => name), ...rows.map((r) => COLUMNS.map(([, cell]) => cell(r)))]);
}

/** One sheet, "Recommendations", a row per recommendation. */
export async function registerXlsx(rows: readonly RegisterRow[], asOf: Date): Promise<Buffer> {
  const book = new Workbook();
  book.created = asOf;
  const sheet = book.addWorksheet('Recommendations');
  sheet.columns = COLUMNS.map(([name]) => ({
    header: name,
    key: name,
    width: name.startsWith('text') ? 60 : Math.max(12, name.length + 2),
  }));
  for (const r of rows) sheet.addRow(COLUMNS.map(([, cell]) => cell(r)));
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
