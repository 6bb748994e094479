// Questionnaire validation: a full answer document validated through the registry (cached
// validator looked up by version id, issues mapped, async like every caller uses it) against
// the bare Ajv function compiled from the same stored schema with the same options, in one
// process and one run. Rounds alternate the two so drift hits both. Also logs how long each
// version took to compile (strict and lenient), the one-off cost the cache saves.
import fs from 'node:fs';
import path from 'node:path';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@mesecvi/audit';
import { FixedClock } from '@mesecvi/clock';
import { dataSourceOptions, runMigrationsWithLock } from '@mesecvi/database';
import { ALL_ENTITIES } from '@mesecvi/entity-registry';
import {
  QuestionnaireRegistry,
  createQuestionnaireAjv,
  lenientSchema,
  type ValidationMode,
} from '@mesecvi/questionnaires';
import { atMost, defineBenchmark } from './harness/benchmark';
import { median } from './harness/load';
import { startPlatformServices } from './harness/services';
import { microsecondsPerCall } from './questionnaire-validation/time-loop';

interface Plan {
  warmUp: number;
  iterations: number;
  rounds: number;
}

const FULL: Plan = { warmUp: 5_000, iterations: 20_000, rounds: 7 };
const SMOKE: Plan = { warmUp: 50, iterations: 200, rounds: 1 };
const planOf = (smoke: boolean): Plan => (smoke ? SMOKE : FULL);
const DOCUMENT = path.join(__dirname, '..', 'schemas', 'examples', 'evaluation-round', 'valid-argentina-complete.json');
const workload = (mode: ValidationMode) => (smoke: boolean) => {
  const { iterations, rounds } = planOf(smoke);
  return `evaluation-round v1, full valid answer (50 items), ${mode}, ${rounds > 1 ? `median of ${rounds} × ` : ''}${iterations.toLocaleString('en-US')} validations`;
};

export const questionnaireValidationBenchmark = defineBenchmark({
  name: 'questionnaire-validation',
  comparisons: {
    strict: {
      name: 'registry.validate (strict) vs bare Ajv',
      workload: workload('strict'),
      units: 'µs/doc',
      target: atMost(1.3),
    },
    lenient: {
      name: 'registry.validate (lenient) vs bare Ajv',
      workload: workload('lenient'),
      units: 'µs/doc',
      target: atMost(1.3),
    },
  },
  async run(ctx) {
    const plan = planOf(ctx.smoke);
    // The registry's "version registered" line would land in the table's stdout.
    Logger.overrideLogger(['error']);
    const { databaseUrl } = await startPlatformServices(ctx, 'mesecvi_bench_questionnaires');
    await runMigrationsWithLock({ database: { url: databaseUrl, poolSize: 2, migrationsRun: true } });
    const ds = new DataSource(
      dataSourceOptions({ database: { url: databaseUrl, poolSize: 2, migrationsRun: false } }, ALL_ENTITIES, 'bench'),
    );
    await ds.initialize();
    ctx.defer(() => ds.destroy());

    // Registered by one registry; validated by a fresh one, as a process that only reads the database would.
    const clock = new FixedClock(new Date('2026-11-23T14:00:00Z'));
    const { id } = await new QuestionnaireRegistry(ds, clock, new AuditService(ds)).current('evaluation-round');
    const registry = new QuestionnaireRegistry(ds, clock, new AuditService(ds));
    const compiled = await registry.compiled(id);
    const document: unknown = JSON.parse(fs.readFileSync(DOCUMENT, 'utf8'));

    const figures = {} as Record<ValidationMode, { ours: number; baseline: number }>;
    for (const mode of ['strict', 'lenient'] as const) {
      const bare = createQuestionnaireAjv().compile(
        mode === 'strict' ? compiled.schema : lenientSchema(compiled.schema),
      );
      const viaRegistry = () => registry.validate(id, document, mode, 'es');
      const result = await viaRegistry();
      if (!result.valid || !bare(document))
        throw new Error(`the benchmark document must be valid (${mode}): ${JSON.stringify(result.errors.slice(0, 3))}`);
      ctx.log(`compile time of evaluation-round v1 (${mode}): ${compiled.compileMs[mode]?.toFixed(1)} ms`);

      await microsecondsPerCall(plan.warmUp, viaRegistry);
      await microsecondsPerCall(plan.warmUp, () => bare(document));
      const ours: number[] = [];
      const baseline: number[] = [];
      for (let round = 0; round < plan.rounds; round++) {
        // Alternate which goes first so neither always runs on a warmer or cooler machine.
        const pair = [
          async () => ours.push(await microsecondsPerCall(plan.iterations, viaRegistry)),
          async () => baseline.push(await microsecondsPerCall(plan.iterations, () => bare(document))),
        ];
        for (const step of round % 2 === 0 ? pair : pair.reverse()) await step();
        ctx.log(
          `${mode} round ${round + 1}/${plan.rounds}: registry ${ours.at(-1)?.toFixed(2)} µs, bare Ajv ${baseline.at(-1)?.toFixed(2)} µs`,
        );
      }
      figures[mode] = { ours: median(ours), baseline: median(baseline) };
    }
    return figures;
  },
});
