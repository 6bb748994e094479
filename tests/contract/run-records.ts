import fs from 'node:fs';
import path from 'node:path';

/**
 * What the contract check saw, one JSON line per response, in one file per jest process under
 * the run directory `npm test` names in CONTRACT_RUN_DIR; the aggregate spec and
 * `scripts/contract-pending.js` read them. Without the variable nothing is written.
 */
export type ResponseRecord =
  | { kind: 'checked'; operation: string; status: number; conforms: boolean; error?: string }
  | { kind: 'excluded'; exclusion: string };

/** Every operation of the document and whether it gives each of its responses a real schema. */
export interface OperationsRecord {
  operations: Array<{ key: string; described: boolean }>;
}

export const PENDING_FILE = path.join(__dirname, 'pending-operations.json');
export const OPERATIONS_FILE = 'operations.json';
const RECORDS = /^responses-\d+\.jsonl$/;

export const runDirectory = (): string | undefined => process.env.CONTRACT_RUN_DIR || undefined;

export function readPending(): string[] {
  return JSON.parse(fs.readFileSync(PENDING_FILE, 'utf8')) as string[];
}

export function appendRecord(dir: string, record: ResponseRecord): void {
  fs.appendFileSync(path.join(dir, `responses-${process.pid}.jsonl`), `${JSON.stringify(record)}\n`);
}

/** Written whole then renamed: every process writes the same content, none reads half of it. */
export function writeOperations(dir: string, record: OperationsRecord): void {
  const partial = path.join(dir, `${OPERATIONS_FILE}.${process.pid}`);
  fs.writeFileSync(partial, JSON.stringify(record));
  fs.renameSync(partial, path.join(dir, OPERATIONS_FILE));
}

export function readRun(dir: string): { responses: ResponseRecord[]; operations?: OperationsRecord } {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  const responses = files
    .filter((f) => RECORDS.test(f))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as ResponseRecord);
  const operationsPath = path.join(dir, OPERATIONS_FILE);
  const operations = fs.existsSync(operationsPath)
    ? (JSON.parse(fs.readFileSync(operationsPath, 'utf8')) as OperationsRecord)
    : undefined;
  return { responses, operations };
}
