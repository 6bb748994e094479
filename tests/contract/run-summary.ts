import type { OperationsRecord, ResponseRecord } from './run-records';

export interface OperationTally {
  validated: number;
  mismatches: number;
  firstError?: string;
}

export interface RunSummary {
  /** Responses checked against the document, per operation. */
  perOperation: Map<string, OperationTally>;
  validated: number;
  /** Responses left out, per exclusion. */
  excluded: Map<string, number>;
  /** Listed as pending, exercised, and every response conformed: the list must lose them. */
  listedButConforming: string[];
  /** Listed but not in the document any more, or left out by an exclusion. */
  listedButGone: string[];
  /** Listed and not exercised by this run: they stay. */
  listedNotExercised: string[];
  /** The pending list this run supports: never longer than the committed one for what it did not see. */
  wouldBe: string[];
}

/**
 * Reads one run against the committed pending list. The list this run supports holds every
 * operation with a mismatch, and every one the run did not exercise that is listed now or that
 * the document leaves undescribed.
 */
export function summarize(
  pending: readonly string[],
  responses: readonly ResponseRecord[],
  operations: OperationsRecord | undefined,
): RunSummary {
  const perOperation = new Map<string, OperationTally>();
  const excluded = new Map<string, number>();
  for (const r of responses) {
    if (r.kind === 'excluded') {
      excluded.set(r.exclusion, (excluded.get(r.exclusion) ?? 0) + 1);
      continue;
    }
    const tally = perOperation.get(r.operation) ?? { validated: 0, mismatches: 0 };
    tally.validated += 1;
    if (!r.conforms) {
      tally.mismatches += 1;
      tally.firstError ??= `${r.status}: ${r.error ?? ''}`;
    }
    perOperation.set(r.operation, tally);
  }
  const listed = new Set(pending);
  const inDocument = operations ? new Set(operations.operations.map((o) => o.key)) : undefined;
  const exercised = (op: string): boolean => perOperation.has(op);
  const mismatching = [...perOperation].filter(([, t]) => t.mismatches > 0).map(([op]) => op);
  const unexercised = operations
    ? operations.operations.filter((o) => !exercised(o.key) && (listed.has(o.key) || !o.described)).map((o) => o.key)
    : pending.filter((op) => !exercised(op));
  return {
    perOperation,
    validated: [...perOperation.values()].reduce((n, t) => n + t.validated, 0),
    excluded,
    listedButConforming: pending.filter((op) => perOperation.get(op)?.mismatches === 0),
    listedButGone: inDocument ? pending.filter((op) => !inDocument.has(op)) : [],
    listedNotExercised: pending.filter((op) => !exercised(op)),
    wouldBe: [...new Set([...mismatching, ...unexercised])].sort(),
  };
}
