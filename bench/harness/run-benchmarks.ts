import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { atLeast, isBenchmark, type Benchmark, type Figures, type RunContext } from './benchmark';
import { renderTable, verdictOf, type ResultRow } from './table';

export const BENCH_DIR = path.resolve(__dirname, '..');
const SUFFIX = '.bench.ts';

export interface RunOptions {
  smoke: boolean;
  /** Only files whose name contains one of these (empty: all). */
  only: string[];
}

const log = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};

export function benchmarkFiles(only: string[] = []): string[] {
  return fs
    .readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith(SUFFIX))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort()
    .map((f) => path.join(BENCH_DIR, f));
}

/** Every benchmark definition a file exports (named exports; any export name). */
export function benchmarksIn(file: string): Benchmark[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- benchmark files are found at run time
  const exported = require(file) as Record<string, unknown>;
  const found = Object.values(exported).filter(isBenchmark);
  if (found.length === 0) throw new Error(`${path.basename(file)} exports no benchmark definition`);
  return found;
}

/** Clean-ups of the benchmark in progress; also drained on Ctrl-C so no service outlives the run. */
class Deferred {
  private stack: Array<() => Promise<void> | void> = [];

  push(cleanup: () => Promise<void> | void): void {
    this.stack.push(cleanup);
  }

  async drain(): Promise<void> {
    while (this.stack.length > 0) {
      const cleanup = this.stack.pop();
      try {
        await cleanup?.();
      } catch (e) {
        log(`clean-up failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
}

function checkFigures(benchmark: Benchmark, figures: Record<string, Figures>): void {
  for (const key of Object.keys(benchmark.comparisons)) {
    const f = figures[key];
    if (!f || !Number.isFinite(f.ours) || !Number.isFinite(f.baseline) || f.baseline <= 0) {
      throw new Error(`${benchmark.name}: no usable figures for "${key}"`);
    }
  }
}

/** Runs the benchmarks one after another, prints one table, and returns the exit code. */
export async function runBenchmarks(options: RunOptions): Promise<number> {
  const deferred = new Deferred();
  let interrupted = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interrupted) return;
      interrupted = true;
      log(`${signal}: stopping what the benchmarks started`);
      void deferred.drain().finally(() => process.exit(130));
    });
  }

  const files = benchmarkFiles(options.only);
  if (files.length === 0) {
    log(`no bench/*${SUFFIX} matches ${options.only.join(', ')}`);
    return 1;
  }
  const rows: ResultRow[] = [];
  let crashed = 0;
  for (const file of files) {
    let benchmarks: Benchmark[];
    try {
      benchmarks = benchmarksIn(file);
    } catch (e) {
      crashed += 1;
      log(`${path.basename(file)} failed to load: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      rows.push({
        comparison: { name: path.basename(file), workload: 'failed to load', units: '', target: atLeast(0) },
        smoke: options.smoke,
      });
      continue;
    }
    for (const benchmark of benchmarks) {
      const ctx: RunContext = {
        smoke: options.smoke,
        log: (m) => log(`${benchmark.name}: ${m}`),
        defer: (cleanup) => deferred.push(cleanup),
      };
      let figures: Record<string, Figures> | undefined;
      const started = Date.now();
      try {
        log(`${benchmark.name}: starting (${options.smoke ? 'smoke' : 'full'})`);
        figures = await benchmark.run(ctx);
        checkFigures(benchmark, figures);
      } catch (e) {
        crashed += 1;
        figures = undefined;
        log(`${benchmark.name} crashed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      } finally {
        await deferred.drain();
      }
      log(`${benchmark.name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      for (const [key, comparison] of Object.entries(benchmark.comparisons)) {
        rows.push({ comparison, figures: figures?.[key], smoke: options.smoke });
      }
    }
  }

  const cores = os.cpus().length;
  const mode = options.smoke ? 'smoke (tiny sizes, timings not judged)' : 'full';
  process.stdout.write(
    `\nBenchmarks — ${mode} — ${new Date().toISOString().slice(0, 10)}, ${cores} cores, node ${process.version}\n\n`,
  );
  process.stdout.write(`${renderTable(rows)}\n\n`);
  const failed = rows.filter((r) => verdictOf(r) === 'FAIL').length;
  // Targets are reported, not enforced: timings on shared CI machines are too noisy to gate on.
  process.stdout.write(`${rows.length} row(s), ${failed} below target, ${crashed} crashed\n`);
  return crashed > 0 ? 1 : 0;
}
