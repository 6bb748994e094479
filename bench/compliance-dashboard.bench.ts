// Compliance dashboard: a round of 200 states with 20 rounds of history (synthetic), computed by
// ComplianceService (the clock and the round's trigger-kept read-model row `round_compliance`: the
// whole text the first time, then only the rows changed since the service last read it; days
// overdue and totals counted in Node) against a bare indexed count over the same round's
// evaluations, measured in the same run. The service runs as in production (APP_MODE=production:
// the clock is not read from PostgreSQL). BENCH_EXPLAIN=1 prints both plans (the full computation
// the read model replaces, and the read model's statement) and where the time goes, step by step.
import { DataSource } from 'typeorm';
import type { INestApplicationContext } from '@nestjs/common';
import {
  ComplianceService,
  complianceSql,
  fromComplianceDoc,
  mergeChanged,
  overdueCounter,
  parseComplianceDocs,
  roundView,
  ROUND_SUMMARY_SQL,
  summaryTotals,
  toComplianceRow,
  toComplianceTotals,
  type ComplianceSqlRow,
  type ComplianceSqlTotals,
} from '@mesecvi/compliance';
import { Clock } from '@mesecvi/clock';
import { namedStatement, runMigrationsWithLock } from '@mesecvi/database';
import type { Caller } from '@mesecvi/http';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { atMost, defineBenchmark, type RunContext } from './harness/benchmark';
import { median } from './harness/load';
import { startPlatformServices } from './harness/services';
import { startComplianceContext } from './compliance/bench-context';
import { seedCompliance, type ComplianceSeed } from './compliance/compliance-rows';

const FULL: ComplianceSeed & { samples: number } = { states: 200, rounds: 20, samples: 200 };
const SMOKE: ComplianceSeed & { samples: number } = { states: 40, rounds: 3, samples: 10 };

const secretariat: Caller = {
  userId: '00000000-0000-4000-8000-000000000001',
  role: 'secretariat',
  stateCode: null,
  language: 'en',
};

async function timeIt(samples: number, work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await work(); // warm-up: plans cached, pool connected
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = process.hrtime.bigint();
    await work();
    ms.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(ms);
}

export const complianceDashboardBenchmark = defineBenchmark({
  name: 'compliance-dashboard',
  comparisons: {
    dashboardVsCount: {
      name: 'compliance dashboard vs bare indexed count',
      workload: (smoke) => {
        const p = smoke ? SMOKE : FULL;
        return `one round of ${p.states} states, ${p.rounds} rounds of history; median of ${p.samples}`;
      },
      units: 'ms',
      target: atMost(2),
    },
    dashboardVsSameRows: {
      name: 'compliance dashboard vs indexed count of the same rows',
      workload: () => 'same round; baseline: count(*) over its read-model rows (evaluation_compliance)',
      units: 'ms',
      target: atMost(2),
    },
    changedVsCount: {
      name: "compliance dashboard, first read after a state's evaluation changed, vs bare indexed count after the same change",
      workload: (smoke) =>
        `same round; before each timed read (ours and the baseline's, alternately) one state's evaluation changes status through its triggers (not timed), so that row is sent and merged; median of ${(smoke ? SMOKE : FULL).samples}`,
      units: 'ms',
      target: atMost(2),
    },
  },
  async run(ctx: RunContext) {
    const plan = ctx.smoke ? SMOKE : FULL;
    const urls = await startPlatformServices(ctx, 'mesecvi_bench_compliance');
    await runMigrationsWithLock({ database: { url: urls.databaseUrl, poolSize: 2, migrationsRun: true } });
    const app = await startComplianceContext(urls);
    ctx.defer(() => app.close());
    const ds = app.get(DataSource);
    const questionnaire = await app.get(QuestionnaireRegistry).current('evaluation-round');
    const started = Date.now();
    const { latestRoundId } = await seedCompliance(ds, plan, questionnaire.id);
    ctx.log(`seeded ${plan.states} states × ${plan.rounds} rounds in ${Date.now() - started} ms`);

    const compliance = app.get(ComplianceService);
    const check = await compliance.roundDashboard(secretariat, latestRoundId);
    if (check.rows.length !== plan.states)
      throw new Error(`the dashboard has ${check.rows.length} rows for ${plan.states} states`);
    // The read model must say what the full computation says, or the timing means nothing.
    const [reference]: Array<{ rows: ComplianceSqlRow[]; totals: ComplianceSqlTotals }> = await ds.query(
      complianceSql('round'),
      [latestRoundId, await app.get(Clock).now()],
    );
    const expected = JSON.stringify({
      rows: reference.rows.map((r) => toComplianceRow(r, 'en')),
      totals: toComplianceTotals(reference.totals),
    });
    if (JSON.stringify({ rows: check.rows, totals: check.totals }) !== expected)
      throw new Error('the read model differs from the full computation');
    if (process.env.BENCH_EXPLAIN) await profile(ctx, app, plan.samples, latestRoundId);
    const dashboard = (): Promise<unknown> => compliance.roundDashboard(secretariat, latestRoundId);
    const bareCount = (): Promise<unknown> =>
      ds.query(`SELECT status, count(*)::int AS n FROM state_evaluation WHERE round_id = $1 GROUP BY status`, [
        latestRoundId,
      ]);
    const ours = await timeIt(plan.samples, dashboard);
    const baseline = await timeIt(plan.samples, bareCount);
    const sameRows = await timeIt(plan.samples, () =>
      ds.query(`SELECT count(*) FROM evaluation_compliance c WHERE c.round_id = $1`, [latestRoundId]),
    );
    // The repeated read above is sent no text: the round has not changed since the service last
    // read it. A secretariat's first look after a state's submission is sent that state's row. Both
    // sides are timed right after such a change (a write has just run on the same two cores: both
    // pay for it). After a new generation (an evaluation deleted, or a full rebuild) the whole text
    // is sent and parsed: logged, no target.
    const [afterChange, countAfterChange] = await timeAfterEachChange(plan.samples, stateChange(ds, latestRoundId), [
      dashboard,
      bareCount,
    ]);
    const [afterRebuild] = await timeAfterEachChange(
      plan.samples,
      () => ds.query(`SELECT round_compliance_rebuild(ARRAY[$1::uuid])`, [latestRoundId]),
      [dashboard],
    );
    ctx.log(
      `dashboard ${ours.toFixed(2)} ms, bare count ${baseline.toFixed(2)} ms, count of the same rows ${sameRows.toFixed(2)} ms; ` +
        `right after one state changed: dashboard ${afterChange.toFixed(2)} ms, bare count ${countAfterChange.toFixed(2)} ms; dashboard after a full rebuild ${afterRebuild.toFixed(2)} ms`,
    );
    return {
      dashboardVsCount: { ours, baseline },
      dashboardVsSameRows: { ours, baseline: sameRows },
      changedVsCount: { ours: afterChange, baseline: countAfterChange },
    };
  },
});

/**
 * A change as the mechanism makes them: one state's evaluation moves (status toggled, through its
 * triggers and commit-time recompute), a different state each time.
 */
function stateChange(ds: DataSource, roundId: string): () => Promise<unknown> {
  let turn = 0;
  return async () => {
    const [e]: Array<{ id: string }> = await ds.query(
      `SELECT id FROM state_evaluation WHERE round_id = $1 ORDER BY state_code OFFSET $2 LIMIT 1`,
      [roundId, turn++ % 50],
    );
    await ds.query(
      `UPDATE state_evaluation SET status = CASE status WHEN 'submitted' THEN 'under_review' WHEN 'under_review' THEN 'submitted' WHEN 'invited' THEN 'drafting' ELSE 'invited' END WHERE id = $1`,
      [e.id],
    );
  };
}

/** Each work's median, each sample timed right after its own `change` (not timed); works alternate, after 5 untimed rounds. */
async function timeAfterEachChange(
  samples: number,
  change: () => Promise<unknown>,
  works: Array<() => Promise<unknown>>,
): Promise<number[]> {
  const ms: number[][] = works.map(() => []);
  for (let i = 0; i < samples + 5; i++) {
    for (const [w, work] of works.entries()) {
      await change();
      const started = process.hrtime.bigint();
      await work();
      if (i >= 5) ms[w].push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return ms.map(median);
}

/** BENCH_EXPLAIN=1: the plans, then each step of the dashboard timed on its own (medians, ms). */
async function profile(ctx: RunContext, app: INestApplicationContext, samples: number, roundId: string): Promise<void> {
  const ds = app.get(DataSource);
  const clock = app.get(Clock);
  const explain = async (label: string, sql: string, params: unknown[]): Promise<void> => {
    const lines: Array<{ 'QUERY PLAN': string }> = await ds.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
    ctx.log(`${label}:\n${lines.map((l) => l['QUERY PLAN']).join('\n')}`);
  };
  await explain('full computation (before the read model)', complianceSql('round'), [roundId, new Date()]);
  await explain('read model (en), the text sent', ROUND_SUMMARY_SQL.en, [roundId, null, null]);
  const step = async (label: string, work: () => Promise<unknown>): Promise<number> => {
    const ms = await timeIt(samples, work);
    ctx.log(`  ${label}: ${ms.toFixed(3)} ms`);
    return ms;
  };
  // Named statements through TypeORM are really prepared: on one connection, the name shows up.
  const runner = ds.createQueryRunner();
  try {
    await runner.query(namedStatement('bench_compliance_probe', ROUND_SUMMARY_SQL.en), [roundId, null, null]);
    const prepared: Array<{ name: string }> = await runner.query(
      `SELECT name FROM pg_prepared_statements WHERE name = 'bench_compliance_probe'`,
    );
    ctx.log(`namedStatement prepared on its connection: ${prepared.length === 1 ? 'yes' : 'NO'}`);
    // The plan a named statement settles on after five runs (generic), for a reader that is current.
    const [held]: Array<{ stamp: string; seq: string }> = await runner.query(
      `SELECT stamp, seq::text AS seq FROM round_compliance WHERE round_id = $1`,
      [roundId],
    );
    await runner.query(`SET plan_cache_mode = force_generic_plan`);
    await runner.query(
      `PREPARE bench_generic(uuid, uuid, bigint) AS ${ROUND_SUMMARY_SQL.en.replace(/::uuid|::bigint/g, '')}`,
    );
    const lines: Array<{ 'QUERY PLAN': string }> = await runner.query(
      `EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_generic('${roundId}', '${held.stamp}', ${Number(held.seq)})`,
    ); // values read from the database
    ctx.log(`read model (en), generic plan, the reader current:\n${lines.map((l) => l['QUERY PLAN']).join('\n')}`);
    await stateChange(ds, roundId)();
    const changedPlan: Array<{ 'QUERY PLAN': string }> = await runner.query(
      `EXPLAIN (ANALYZE, BUFFERS) EXECUTE bench_generic('${roundId}', '${held.stamp}', ${Number(held.seq)})`,
    );
    ctx.log(
      `read model (en), generic plan, one state changed since the reader's seq:\n${changedPlan.map((l) => l['QUERY PLAN']).join('\n')}`,
    );
    await runner.query(`DEALLOCATE bench_generic`);
    await runner.query(`RESET plan_cache_mode`);
  } finally {
    await runner.release();
  }
  const [stored]: Array<{
    chars: number;
    bytes: number;
    compression: string | null;
    en: string;
    stamp: string;
    seq: string;
  }> = await ds.query(
    `SELECT length(docs_en) AS chars, pg_column_size(docs_en) AS bytes, pg_column_compression(docs_en) AS compression, docs_en AS en, stamp, seq::text AS seq
       FROM round_compliance WHERE round_id = $1`,
    [roundId],
  );
  const [names]: Array<{ chars: number }> = await ds.query(
    `SELECT sum(length(to_json(sp.name_es)::text) + length(to_json(sp.name_fr)::text) + length(to_json(sp.name_pt)::text) + 3)::int AS chars
       FROM evaluation_compliance c JOIN state_party sp ON sp.code = c.state_code WHERE c.round_id = $1`,
    [roundId],
  );
  ctx.log(
    `the round's docs_en: ${stored.chars} chars (all four names in one text: ${stored.chars + names.chars}), stored as ${stored.bytes} bytes (${stored.compression ?? 'not compressed'})`,
  );
  ctx.log('where the time goes (each step alone):');
  await step('clock read (production mode)', () => clock.now());
  await step('round trip floor: named SELECT 1 by the round key', () =>
    ds.query(namedStatement('bench_floor', `SELECT 1 FROM round_compliance WHERE round_id = $1`), [roundId]),
  );
  await step('read-model statement, un-named (planned on every call), the text sent', () =>
    ds.query(ROUND_SUMMARY_SQL.en, [roundId, null, null]),
  );
  await step('read-model statement, named, the text sent (a changed round)', () =>
    ds.query(namedStatement('bench_summary', ROUND_SUMMARY_SQL.en), [roundId, null, null]),
  );
  await step('read-model statement, named, the stamp matches (text not sent)', () =>
    ds.query(namedStatement('bench_summary', ROUND_SUMMARY_SQL.en), [roundId, stored.stamp, stored.seq]),
  );
  await step('read-model row, length(docs_en) only (detoasted, not sent)', () =>
    ds.query(namedStatement('bench_detoast', `SELECT length(docs_en) FROM round_compliance WHERE round_id = $1`), [
      roundId,
    ]),
  );
  // The same text stored uncompressed (STORAGE EXTERNAL) and lz4-compressed, in scratch tables.
  for (const [table, storage] of [
    ['bench_docs_external', 'SET STORAGE EXTERNAL'],
    ['bench_docs_lz4', 'SET COMPRESSION lz4'],
  ] as const) {
    try {
      await ds.query(`CREATE TABLE ${table} (round_id uuid PRIMARY KEY, docs text NOT NULL)`);
      await ds.query(`ALTER TABLE ${table} ALTER docs ${storage}`);
      await ds.query(`INSERT INTO ${table} SELECT round_id, docs_en FROM round_compliance`);
      await ds.query(`VACUUM ANALYZE ${table}`);
      await step(`  the text alone, ${storage.toLowerCase()} (named)`, () =>
        ds.query(namedStatement(`bench_${table}`, `SELECT docs FROM ${table} WHERE round_id = $1`), [roundId]),
      );
    } catch (e) {
      ctx.log(`  ${storage}: ${(e as Error).message}`);
    }
  }
  await step('  the text alone, as stored in round_compliance (named)', () =>
    ds.query(namedStatement('bench_docs_pglz', `SELECT docs_en FROM round_compliance WHERE round_id = $1`), [roundId]),
  );
  await step('JSON.parse of docs_en, the rows named', async () => parseComplianceDocs(stored.en));
  const docs = parseComplianceDocs(stored.en);
  const round = { id: roundId, name: 'x', kind: 'evaluation', number: 1, phase: 'open_for_responses' };
  const now = await clock.now();
  await step('days overdue, 200 rows and the totals in Node', async () => {
    const overdue = docs.map(overdueCounter(now));
    return [docs.map((d, i) => fromComplianceDoc(d, round, overdue[i])), summaryTotals(docs, overdue)];
  });
  const view = roundView(docs, round, now);
  const oneRow = JSON.stringify([(JSON.parse(stored.en) as unknown[])[7]]);
  await step('one changed row parsed, merged and the view rebuilt for it, in Node', async () =>
    roundView(mergeChanged(docs, parseComplianceDocs(oneRow)), round, now, view),
  );
  // Right after a change (not timed): the cost of touching freshly written rows, then the
  // statement as a current reader's service sends it (the changed row only), then the whole service
  // after one state's change and after a full rebuild (the whole text sent and parsed), and a
  // repeated read (the one timed against the baselines).
  const compliance = app.get(ComplianceService);
  const afterChange = async (
    label: string,
    change: () => Promise<unknown>,
    work: () => Promise<unknown>,
  ): Promise<void> => {
    const [ms] = await timeAfterEachChange(samples, change, [work]);
    ctx.log(`  ${label}: ${ms.toFixed(3)} ms`);
  };
  const oneState = stateChange(ds, roundId);
  const current = async (): Promise<{ stamp: string; seq: string }> =>
    (
      (await ds.query(`SELECT stamp, seq::text AS seq FROM round_compliance WHERE round_id = $1`, [roundId])) as Array<{
        stamp: string;
        seq: string;
      }>
    )[0];
  let before = await current();
  await afterChange('after one state changed: round trip floor (named SELECT 1 by the round key)', oneState, () =>
    ds.query(namedStatement('bench_floor', `SELECT 1 FROM round_compliance WHERE round_id = $1`), [roundId]),
  );
  await afterChange(
    'after one state changed: read-model statement, the changed row sent',
    async () => {
      before = await current();
      await oneState();
    },
    () => ds.query(namedStatement('bench_summary', ROUND_SUMMARY_SQL.en), [roundId, before.stamp, before.seq]),
  );
  await afterChange('dashboard, first read after one state changed', oneState, () =>
    compliance.roundDashboard(secretariat, roundId),
  );
  await afterChange(
    'dashboard, first read after a full rebuild',
    () => ds.query(`SELECT round_compliance_rebuild(ARRAY[$1::uuid])`, [roundId]),
    () => compliance.roundDashboard(secretariat, roundId),
  );
  await step('dashboard, repeated read (round unchanged)', () => compliance.roundDashboard(secretariat, roundId));
}
