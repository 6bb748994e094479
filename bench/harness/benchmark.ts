/**
 * What a `bench/*.bench.ts` file exports. A benchmark measures one or more comparisons; each
 * comparison is our figure against a baseline measured in the same run on the same machine, so
 * the ratio means something where absolute figures (machine-dependent) do not.
 */

/** A bound on ratio = ours / baseline. Targets are reported, not enforced (see scripts/bench.js). */
export interface Target {
  op: '>=' | '<=';
  value: number;
}

export const atLeast = (value: number): Target => ({ op: '>=', value });
export const atMost = (value: number): Target => ({ op: '<=', value });

/** One row of the table, declared up front so a crashed benchmark still shows its rows. */
export interface Comparison {
  /** e.g. "Nest/Fastify vs node:http" */
  name: string;
  /** What was measured, short enough for a table cell; a function when it names smoke-mode sizes. */
  workload: string | ((smoke: boolean) => string);
  units: string;
  target: Target;
}

export interface Figures {
  ours: number;
  baseline: number;
}

export interface RunContext {
  /** Tiny sizes, same code paths; timings are not judged. */
  smoke: boolean;
  /** Progress lines for the operator (stderr), never part of the table. */
  log(message: string): void;
  /** Registers a clean-up that also runs when the run is interrupted (Ctrl-C). Runs last-in first-out. */
  defer(cleanup: () => Promise<void> | void): void;
}

export interface Benchmark<K extends string = string> {
  name: string;
  comparisons: Record<K, Comparison>;
  run(ctx: RunContext): Promise<Record<K, Figures>>;
}

/** Identity with inference: ties `run`'s result keys to the declared comparisons. */
export function defineBenchmark<K extends string>(benchmark: Benchmark<K>): Benchmark<K> {
  return benchmark;
}

export function isBenchmark(value: unknown): value is Benchmark {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Benchmark>;
  return (
    typeof candidate.name === 'string' &&
    typeof candidate.run === 'function' &&
    typeof candidate.comparisons === 'object'
  );
}

export function workloadOf(comparison: Comparison, smoke: boolean): string {
  return typeof comparison.workload === 'function' ? comparison.workload(smoke) : comparison.workload;
}

export function formatTarget(target: Target): string {
  return `ratio ${target.op} ${target.value}`;
}

export function meetsTarget(ratio: number, target: Target): boolean {
  return target.op === '>=' ? ratio >= target.value : ratio <= target.value;
}

/**
 * The round whose ratio is the median, from rounds measured one after another (ours and the
 * baseline back to back, alternating who goes first): on a small shared machine one 5-second
 * window can be slowed by anything, and a median of interleaved rounds is what such noise
 * cannot move far. Its own figures are reported, so the table's ratio is that round's.
 */
export function medianRound(rounds: Figures[]): Figures {
  if (rounds.length === 0) throw new Error('medianRound needs at least one round');
  const sorted = [...rounds].sort((a, b) => a.ours / a.baseline - b.ours / b.baseline);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
