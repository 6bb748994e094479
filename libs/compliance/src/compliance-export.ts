import { Workbook } from 'exceljs';
import type { ComplianceDashboard, ComplianceRow, ComplianceTotals } from './compliance.view';
import { toCsv, type CsvCell } from './csv';

/** Column name → cell, shared by CSV and XLSX so both carry the same numbers as the JSON. */
const COLUMNS: ReadonlyArray<[string, (r: ComplianceRow) => CsvCell]> = [
  ['state_code', (r) => r.stateCode],
  ['state_name', (r) => r.stateName],
  ['status', (r) => r.status],
  ['timeliness', (r) => r.timeliness],
  ['due_date', (r) => r.deadline?.dueDate ?? null],
  ['deadline_version', (r) => r.deadline?.version ?? null],
  ['extensions', (r) => r.extensions],
  ['submitted_at', (r) => r.submittedAt],
  ['days_late', (r) => r.daysLate],
  ['days_overdue', (r) => r.daysOverdue],
  ['reminders_before_submission', (r) => r.remindersBeforeSubmission],
  ['submission_versions', (r) => r.submissionVersions],
  ['clarifications', (r) => r.clarifications.requested],
  ['open_clarifications', (r) => r.clarifications.open],
  ['observations', (r) => r.observations],
];

export const COMPLIANCE_COLUMNS: readonly string[] = COLUMNS.map(([name]) => name);

const totalsOf = (t: ComplianceTotals): Array<[string, CsvCell]> => Object.entries(t) as Array<[string, CsvCell]>;

/** The rows, a blank line, then `metric,value` lines with the round totals. */
export function complianceCsv(d: ComplianceDashboard): string {
  const rows = [COLUMNS.map(([name]) => name), ...d.rows.map((r) => COLUMNS.map(([, cell]) => cell(r)))];
  return `${toCsv(rows)}\r\n\r\n${toCsv([['metric', 'value'], ...totalsOf(d.totals), ['failed_mails', d.alerts.failedMails], ['as_of', d.asOf]])}`;
}

/** Two sheets: "States" (one row per state) and "Totals". */
export async function complianceXlsx(d: ComplianceDashboard): Promise<Buffer> {
  const book = new Workbook();
  book.created = new Date(d.asOf);
  const states = book.addWorksheet('States');
  states.columns = COLUMNS.map(([name]) => ({ header: name, key: name, width: Math.max(12, name.length + 2) }));
  for (const r of d.rows) states.addRow(COLUMNS.map(([, cell]) => cell(r)));
  states.getRow(1).font = { bold: true };
  const totals = book.addWorksheet('Totals');
  totals.addRow(['metric', 'value']).font = { bold: true };
  for (const [k, v] of [
    ...totalsOf(d.totals),
    ['failed_mails', d.alerts.failedMails] as [string, CsvCell],
    ['as_of', d.asOf] as [string, CsvCell],
  ])
    totals.addRow([k, v]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
