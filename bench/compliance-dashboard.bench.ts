// Compliance dashboard: a round of 200 states with 20 rounds of history (synthetic), computed by
// ComplianceService (rows + totals in one SQL statement, round lookup, failed-mail alert) against a
// bare indexed count over the same round's evaluations, measured in the same run.
import { DataSource } from 'typeorm';
import { ComplianceService, complianceSql } from '@mesecvi/compliance';
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
      workload: () => 'same round; baseline: count(*) over the joined rows the dashboard reads',
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
    if (process.env.BENCH_EXPLAIN) {
      const plan: Array<{ 'QUERY PLAN': string }> = await ds.query(`EXPLAIN (ANALYZE, BUFFERS) ${complianceSql('round')}`, [latestRoundId, new Date()]);
      ctx.log(plan.map((l) => l['QUERY PLAN']).join('\n'));
    }
    if (process.env.BENCH_EXPLAIN) {
      const sqlOnly = await timeIt(plan.samples, () => ds.query(complianceSql('round'), [latestRoundId, new Date()]));
      ctx.log(`sql only ${sqlOnly.toFixed(2)} ms`);
    }
    const ours = await timeIt(plan.samples, () => compliance.roundDashboard(secretariat, latestRoundId));
    const baseline = await timeIt(plan.samples, () => ds.query(`SELECT status, count(*)::int AS n FROM state_evaluation WHERE round_id = $1 GROUP BY status`, [latestRoundId]));
    const sameRows = await timeIt(plan.samples, () =>
      ds.query(
        `SELECT count(*) FROM state_evaluation e
           LEFT JOIN deadline d ON d.id = e.response_deadline_id
           LEFT JOIN submission s ON s.evaluation_id = e.id
           LEFT JOIN reminder m ON m.deadline_id = e.response_deadline_id
           LEFT JOIN extension_request x ON x.evaluation_id = e.id
           LEFT JOIN clarification_request k ON k.evaluation_id = e.id
          WHERE e.round_id = $1`,
        [latestRoundId],
      ),
    );
    ctx.log(`dashboard ${ours.toFixed(2)} ms, bare count ${baseline.toFixed(2)} ms, count of the same rows ${sameRows.toFixed(2)} ms`);
    return { dashboardVsCount: { ours, baseline }, dashboardVsSameRows: { ours, baseline: sameRows } };
  },
});
