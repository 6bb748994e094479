// `npm run bench:smoke` end to end: every benchmark starts what it needs, measures at tiny sizes
// and lands in the one table. Timings are not judged here, only that the figures are there.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { benchmarkFiles, benchmarksIn } from '../../bench/harness/run-benchmarks';
import { TABLE_HEADER } from '../../bench/harness/table';

const root = path.join(__dirname, '..', '..');

function runSmoke(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/bench.js', '--smoke'], { cwd: root, env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    // SIGTERM lets the runner stop the services it started.
    const timer = setTimeout(() => child.kill('SIGTERM'), 110_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const cellsOf = (line: string): string[] =>
  line
    .split('|')
    .slice(1, -1)
    .map((c) => c.trim());
const FIGURE = /^[\d,]+(\.\d+)? \S+$/;

describe('bench:smoke', () => {
  it('runs every benchmark and prints one table row per comparison with figures and a ratio', async () => {
    const expectedRows = benchmarkFiles()
      .flatMap(benchmarksIn)
      .flatMap((b) => Object.values(b.comparisons).map((c) => c.name));
    expect(expectedRows.length).toBeGreaterThan(0);

    const { code, stdout, stderr } = await runSmoke();
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });

    const lines = stdout.split('\n').filter((l) => l.startsWith('|'));
    expect(cellsOf(lines[0])).toEqual([...TABLE_HEADER]);
    const rows = lines.slice(2).map(cellsOf);
    expect(rows.map((r) => r[0]).sort()).toEqual([...expectedRows].sort());
    for (const [name, , ours, baseline, ratio, target, verdict] of rows) {
      expect({ name, ours, baseline }).toEqual({
        name,
        ours: expect.stringMatching(FIGURE),
        baseline: expect.stringMatching(FIGURE),
      });
      expect(Number(ratio)).toBeGreaterThan(0);
      expect(target).toMatch(/^ratio (>=|<=) [\d.]+$/);
      expect(verdict).toBe('smoke');
    }
  }, 120_000);
});
