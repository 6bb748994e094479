import { localDate } from '@mesecvi/deadlines';
import {
  fromComplianceDoc,
  overdueCounter,
  summaryTotals,
  type ComplianceDoc,
  type ComplianceRow,
  type ComplianceTotals,
} from './compliance.view';

/**
 * What a round's dashboard serves, built from its docs at a moment: rows and totals. Days overdue
 * depend on the clock only through today's date in each deadline's time zone (`todayKey`), so a view
 * is reused until the docs, the round or one of those dates changes. Shared between reads: read only.
 */
export interface RoundView {
  docs: readonly ComplianceDoc[];
  round: ComplianceRow['round'];
  todayKey: string;
  overdue: ReadonlyArray<number | null>;
  rows: readonly ComplianceRow[];
  totals: ComplianceTotals;
}

/** A round's rows as a process last read them, with the read model's generation and change count they are current for. */
export interface HeldRound {
  stamp: string;
  seq: string;
  docs: readonly ComplianceDoc[];
  view?: RoundView;
}

const byState = (a: ComplianceDoc, b: ComplianceDoc): number =>
  a.stateCode < b.stateCode ? -1 : a.stateCode > b.stateCode ? 1 : 0;

/** Index of the held row of this state (rows are in state order, one per state in a round), or -1. */
function indexOfState(docs: readonly ComplianceDoc[], stateCode: string): number {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const code = docs[mid].stateCode;
    if (code === stateCode) return mid;
    if (code < stateCode) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Rows recomputed since a reader's change count folded into the rows it holds: each replaces the
 * row of the same evaluation (found by its state, the rows' order); an evaluation new to the round
 * is inserted in state order (the order `round_compliance_rebuild` writes). Unchanged rows keep
 * their identity, so a view can rebuild only the replaced ones. The held array is not changed: a
 * read in flight may be using it.
 */
export function mergeChanged(held: readonly ComplianceDoc[], changed: readonly ComplianceDoc[]): ComplianceDoc[] {
  const docs = held.slice();
  let added = false;
  for (const d of changed) {
    const i = indexOfState(docs, d.stateCode);
    if (i >= 0 && docs[i].evaluationId === d.evaluationId) {
      docs[i] = d;
    } else {
      const j = docs.findIndex((h) => h.evaluationId === d.evaluationId); // an evaluation whose state changed (not done by the mechanism, but possible in SQL)
      if (j >= 0) docs[j] = d;
      else docs.push(d);
      added = true;
    }
  }
  if (added) docs.sort(byState);
  return docs;
}

/** Today's date in each time zone the not-yet-submitted rows' deadlines count in. */
function todayKeyOf(docs: readonly ComplianceDoc[], now: Date): string {
  const zones = new Set<string>();
  for (const d of docs) if (d.submittedAt === null && d.dueDate !== null) zones.add(d.timeZone ?? 'UTC');
  return [...zones].map((z) => `${z}=${localDate(now, z)}`).join(',');
}

const sameRound = (a: ComplianceRow['round'], b: ComplianceRow['round']): boolean =>
  a.id === b.id && a.name === b.name && a.kind === b.kind && a.number === b.number && a.phase === b.phase;

/**
 * The view of `docs` for `round` at `now`: `previous` itself when nothing it depends on changed;
 * only the replaced rows rebuilt when the docs were merged from it (same rows, same places);
 * built whole otherwise.
 */
export function roundView(
  docs: readonly ComplianceDoc[],
  round: ComplianceRow['round'],
  now: Date,
  previous?: RoundView,
): RoundView {
  const todayKey = todayKeyOf(docs, now);
  const reusable =
    previous !== undefined &&
    previous.todayKey === todayKey &&
    sameRound(previous.round, round) &&
    previous.docs.length === docs.length;
  if (reusable && previous.docs === docs) return previous;
  const count = overdueCounter(now);
  const overdue: Array<number | null> = [];
  const rows: ComplianceRow[] = [];
  const kept = reusable ? previous : undefined;
  const sharedRound = kept?.round ?? round;
  docs.forEach((d, i) => {
    const old = kept?.docs[i];
    if (old === d) {
      overdue.push(kept!.overdue[i]);
      rows.push(kept!.rows[i]);
    } else {
      const days = count(d);
      overdue.push(days);
      rows.push(fromComplianceDoc(d, sharedRound, days));
    }
  });
  return { docs, round: sharedRound, todayKey, overdue, rows, totals: summaryTotals(docs, overdue) };
}

/** Rounds × languages a process keeps parsed, oldest dropped first (~100 KB each at 200 states). */
export class ParsedRounds {
  private readonly held = new Map<string, HeldRound>();

  constructor(private readonly kept: number) {}

  get(key: string): HeldRound | undefined {
    return this.held.get(key);
  }

  set(key: string, round: HeldRound): void {
    this.held.delete(key); // re-inserted last: the most recently refreshed is dropped last
    this.held.set(key, round);
    if (this.held.size > this.kept) this.held.delete(this.held.keys().next().value as string);
  }
}
