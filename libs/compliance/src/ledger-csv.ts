import type { OutboxLedger, OutboxListFilter, OutboxMessageView } from '@mesecvi/mail';
import { toCsv, type CsvCell } from './csv';

/** The most rows one export carries; narrow the filters (dates, state, kind) for more. */
export const LEDGER_EXPORT_MAX_ROWS = 10_000;

const COLUMNS: ReadonlyArray<[string, (m: OutboxMessageView) => CsvCell]> = [
  ['created_at', (m) => m.createdAt],
  ['kind', (m) => m.kind],
  ['template', (m) => m.template],
  ['language', (m) => m.language],
  ['state_code', (m) => m.stateCode],
  ['recipient_address', (m) => m.recipient.address],
  ['recipient_name', (m) => m.recipient.name],
  ['recipient_role', (m) => m.recipient.role],
  ['status', (m) => m.status],
  ['attempts', (m) => m.attempts],
  ['sent_at', (m) => m.sentAt],
  ['smtp_response', (m) => m.smtpResponse],
  ['last_error', (m) => m.lastError],
  ['related_type', (m) => m.related?.type ?? null],
  ['related_id', (m) => m.related?.id ?? null],
  ['message_id', (m) => m.messageId],
  ['id', (m) => m.id],
];

/** The ledger as CSV, newest first, walking the keyset pages (never an OFFSET scan). */
export async function ledgerCsv(
  ledger: OutboxLedger,
  filter: Omit<OutboxListFilter, 'limit' | 'cursor'>,
): Promise<string> {
  const rows: CsvCell[][] = [COLUMNS.map(([name]) => name)];
  let cursor: string | undefined;
  do {
    const page = await ledger.list({ ...filter, limit: 200, cursor });
    for (const m of page.items) rows.push(COLUMNS.map(([, cell]) => cell(m)));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && rows.length <= LEDGER_EXPORT_MAX_ROWS);
  return toCsv(rows.slice(0, LEDGER_EXPORT_MAX_ROWS + 1));
}
