// Compliance dashboard: a round of 200 states with 20 rounds of history (synthetic), computed by
// ComplianceService (the clock, then the round's trigger-kept read-model row `round_compliance`;
// days overdue and totals counted in Node) against a bare indexed count over the same round's
// evaluations, measured in the same run. BENCH_EXPLAIN=1 prints both plans (the full computation
// the read model replaces, and the read model's statement) and where the time goes.
import { DataSource } from 'typeorm';
import { ComplianceService, complianceSql, ROUND_SUMMARY_SQL, toComplianceRow, toComplianceTotals, type ComplianceSqlRow, type ComplianceSqlTotals } from '@mesecvi/compliance';
import { Clock } from '@mesecvi/clock';
import { runMigrationsWithLock } from '@mesecvi/database';
import type { Caller } from '@mesecvi/http';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { atMost, defineBenchmark, type RunContext } from './harness/benchmark';
import { median } from './harness/load';
import { startPlatformServices } from './harness/services';
import { startComplianceContext } from './compliance/bench-context';
import { seedCompliance, type ComplianceSeed } from './compliance/compliance-rows';

const FULL: ComplianceSeed & { samples: number } = { states: 200, rounds: 20, samples: 200 };
const SMOKE: ComplianceSeed & { samples: number } = { states: 40, rounds: 3, samples: 10 };

const secretariat: Caller = { userId: '00000000-0000-4000-8000-000000000001', role: 'secretariat', stateCode: null, language: 'en' };

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
    if (check.rows.length !== plan.states) throw new Error(`the dashboard has ${check.rows.length} rows for ${plan.states} states`);
    // The read model must say what the full computation says, or the timing means nothing.
    const [reference]: Array<{ rows: ComplianceSqlRow[]; totals: ComplianceSqlTotals }> = await ds.query(complianceSql('round'), [latestRoundId, await app.get(Clock).now()]);
    const expected = JSON.stringify({ rows: reference.rows.map((r) => toComplianceRow(r, 'en')), totals: toComplianceTotals(reference.totals) });
    if (JSON.stringify({ rows: check.rows, totals: check.totals }) !== expected) throw new Error('the read model differs from the full computation');
    if (process.env.BENCH_EXPLAIN) {
      const explain = async (label: string, sql: string, params: unknown[]): Promise<void> => {
        const lines: Array<{ 'QUERY PLAN': string }> = await ds.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
        ctx.log(`${label}:\n${lines.map((l) => l['QUERY PLAN']).join('\n')}`);
      };
      await explain('full computation (before the read model)', complianceSql('round'), [latestRoundId, new Date()]);
      await explain('read model', ROUND_SUMMARY_SQL, [latestRoundId]);
      const fullSql = await timeIt(plan.samples, () => ds.query(complianceSql('round'), [latestRoundId, new Date()]));
      const summarySql = await timeIt(plan.samples, () => ds.query(ROUND_SUMMARY_SQL, [latestRoundId]));
      const clockOnly = await timeIt(plan.samples, () => app.get(Clock).now());
      ctx.log(`sql only: full computation ${fullSql.toFixed(2)} ms, read model ${summarySql.toFixed(2)} ms; clock read ${clockOnly.toFixed(2)} ms`);
      const [fetched] = (await ds.query(ROUND_SUMMARY_SQL, [latestRoundId])) as Array<{ docs: string }>;
      const parseOnly = await timeIt(plan.samples, async () => JSON.parse(fetched.docs));
      ctx.log(`the round row's docs: ${fetched.docs.length} chars, JSON.parse ${parseOnly.toFixed(3)} ms`);
      const seqBoth = await timeIt(plan.samples, async () => {
        await app.get(Clock).now();
        await ds.query(ROUND_SUMMARY_SQL, [latestRoundId]);
      });
      const parBoth = await timeIt(plan.samples, () => Promise.all([app.get(Clock).now(), ds.query(ROUND_SUMMARY_SQL, [latestRoundId])]));
      ctx.log(`clock read + read-model statement: one after the other (as the service does) ${seqBoth.toFixed(2)} ms, in parallel ${parBoth.toFixed(2)} ms`);
    }
    const ours = await timeIt(plan.samples, () => compliance.roundDashboard(secretariat, latestRoundId));
    const baseline = await timeIt(plan.samples, () => ds.query(`SELECT status, count(*)::int AS n FROM state_evaluation WHERE round_id = $1 GROUP BY status`, [latestRoundId]));
    const sameRows = await timeIt(plan.samples, () =>
      ds.query(
        `SELECT count(*) FROM evaluation_compliance c WHERE c.round_id = $1`,
        [latestRoundId],
      ),
    );
    ctx.log(`dashboard ${ours.toFixed(2)} ms, bare count ${baseline.toFixed(2)} ms, count of the same rows ${sameRows.toFixed(2)} ms`);
    return { dashboardVsCount: { ours, baseline }, dashboardVsSameRows: { ours, baseline: sameRows } };
  },
});
