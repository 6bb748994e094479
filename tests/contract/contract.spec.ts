import { EXCLUSIONS } from './exclusions';
import { PENDING_FILE, readPending, readRun, runDirectory } from './run-records';
import { summarize, type RunSummary } from './run-summary';

/**
 * The aggregate of the contract check, run by `npm test` after the api suites: those suites'
 * responses were each checked against the OpenAPI document as they arrived (a mismatch of an
 * operation not in the pending list failed the test that got it); here the pending list may only
 * shrink: an operation it lists that this run exercised and found conforming must leave it.
 */
const dir = runDirectory();
const pending = readPending();
const run = dir ? readRun(dir) : undefined;
const summary = run ? summarize(pending, run.responses, run.operations) : undefined;

function report(s: RunSummary): string {
  const width = Math.max(0, ...[...s.perOperation.keys()].map((k) => k.length));
  const rows = [...s.perOperation]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([op, t]) =>
        `  ${op.padEnd(width)} ${String(t.validated).padStart(5)}${t.mismatches ? ` (${t.mismatches} mismatching)` : ''}`,
    );
  const excluded = EXCLUSIONS.map((e) => `  ${e.name}: ${s.excluded.get(e.name) ?? 0}`);
  const excludedTotal = [...s.excluded.values()].reduce((n, c) => n + c, 0);
  return [
    `[contract] responses validated per operation:`,
    ...rows,
    `[contract] ${s.validated} responses validated against the OpenAPI document over ${s.perOperation.size} operations`,
    `[contract] ${excludedTotal} responses excluded:`,
    ...excluded,
    `[contract] pending list: ${pending.length} operations; ${s.listedNotExercised.length} of them not exercised by this run (they stay listed)`,
    `[contract] the list this run supports has ${s.wouldBe.length}: \`npm run contract:pending\` prints it`,
  ].join('\n');
}

describe('the OpenAPI contract of the responses the suites received', () => {
  it('has the records of the api suites (run it through `npm test`)', () => {
    expect(dir).toBeDefined();
    if (summary) process.stdout.write(`${report(summary)}\n`);
  });

  it('keeps the pending list sorted and without duplicates', () => {
    expect(pending).toEqual([...new Set(pending)].sort());
  });

  it('lists no operation this run exercised and found conforming in every response', () => {
    const conforming = summary?.listedButConforming ?? [];
    if (conforming.length > 0) {
      throw new Error(
        `These operations now conform in every response this run received: remove them from ${PENDING_FILE}:\n` +
          conforming.map((op) => `  ${op}`).join('\n'),
      );
    }
  });

  it('lists only operations of the document that the check covers', () => {
    expect(summary?.listedButGone ?? []).toEqual([]);
  });

  it('saw no mismatch of an operation the pending list does not name', () => {
    const unlisted = [...(summary?.perOperation ?? [])]
      .filter(([op, t]) => t.mismatches > 0 && !pending.includes(op))
      .map(([op, t]) => `${op} ${t.firstError ?? ''}`);
    expect(unlisted).toEqual([]);
  });
});
