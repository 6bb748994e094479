// Submissions: saving a ~25 KB draft and submitting, through the real api (auth, policy, lenient
// and strict validation, audit, outbox) against a baseline of node:http + pg doing only the
// version-checked write and the hash-and-insert, both on the same PostgreSQL in the same run.
// No two requests in flight work on one draft, so none is refused for a stale ETag.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { runMigrationsWithLock } from '@mesecvi/database';
import { atLeast, atMost, defineBenchmark, medianRound, type Figures, type RunContext } from './harness/benchmark';
import { startCompiledServer, startServerProcess, type ServerProcess } from './harness/server-process';
import { freePort, startPlatformServices } from './harness/services';
import {
  BENCH_EMAIL,
  BENCH_PASSWORD,
  benchDocument,
  createBenchSecretariat,
  seedBench,
} from './submissions/bench-fixtures';
import { runStatefulLoad, type LoadFigures } from './submissions/stateful-load';

interface Plan {
  /** Interleaved rounds of each save comparison (api and baseline back to back); the median round is reported. */
  saveRounds: number;
  saveSeconds: number;
  warmUpSeconds: number;
  saveConnections: number;
  latencyConnections: number;
  submitPool: number;
  submitConnections: number;
}

const FULL: Plan = {
  saveRounds: 3,
  saveSeconds: 5,
  warmUpSeconds: 6,
  saveConnections: 50,
  latencyConnections: 10,
  submitPool: 320,
  submitConnections: 10,
};
const SMOKE: Plan = {
  saveRounds: 1,
  saveSeconds: 1,
  warmUpSeconds: 0.5,
  saveConnections: 4,
  latencyConnections: 2,
  submitPool: 8,
  submitConnections: 2,
};
const planOf = (smoke: boolean): Plan => (smoke ? SMOKE : FULL);
const RSS_LIMIT_MB = 250;

/** Resident memory of a process in MB (Linux): now (VmRSS), or its peak so far (VmHWM). */
function rssMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/**
 * CPU seconds a process has used so far, all its threads (user + system; Linux): V8's
 * concurrent GC and compiler threads count, which a CPU profile of the main thread misses.
 */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** The api as docker/Dockerfile runs it (its CMD): the webpack bundle that `nest build api` writes. */
const PRODUCTION_ENTRY = 'dist/apps/api/main.js';
const ROOT = path.resolve(__dirname, '..');

/** The newest modification time of a file under `dir` (sources the bundle is built from). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** NODE_OPTIONS of the Dockerfile's runtime stage (e.g. its heap bound), so the bench runs the api with production's setting. */
function productionNodeOptions(): string {
  const dockerfile = fs.readFileSync(path.join(ROOT, 'docker', 'Dockerfile'), 'utf8');
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const m = /^ENV\s+NODE_OPTIONS=("?)([^"\n]+)\1\s*$/m.exec(runtime);
  return m ? m[2] : '';
}

/** Builds the api bundle (`nest build api`, as the Dockerfile does) unless it is newer than every source. */
function ensureApiBundle(ctx: RunContext): void {
  const bundle = path.join(ROOT, PRODUCTION_ENTRY);
  const sources = Math.max(
    ...['apps', 'libs', 'schemas'].map((d) => newestMtime(path.join(ROOT, d))),
    fs.statSync(path.join(ROOT, 'tsconfig.build.json')).mtimeMs,
  );
  if (fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs > sources) return;
  ctx.log('building the api bundle (nest build api) as the Dockerfile does');
  const built = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build', 'api'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`nest build api failed:\n${(built.stdout + built.stderr).slice(-4000)}`);
}

/**
 * The api as production runs it: APP_MODE=production, docker/compose.yaml's pool size and the
 * Dockerfile's NODE_OPTIONS, so the clock is read from memory, not from PostgreSQL (only test and
 * demo modes may move time), and the heap is bounded as in the image. The
 * full run starts the Dockerfile's bundle; the smoke run (sizes only, no timings judged) starts
 * the same code from TypeScript (`npm run start:api`) to stay quick. Not production-like: one
 * signed-in user drives the load, so the per-user write limit is off, and request logs are off.
 */
async function startApi(ctx: RunContext, databaseUrl: string, redisUrl: string): Promise<ServerProcess> {
  if (!ctx.smoke) ensureApiBundle(ctx);
  const env = {
    APP_MODE: 'production',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    DB_POOL_SIZE: '10',
    // The api never sends mail itself (the worker does); the URL only has to be valid.
    SMTP_URL: 'smtp://127.0.0.1:1',
    JWT_SECRET: randomBytes(32).toString('hex'),
    MIGRATIONS_RUN: 'false',
    QUEUE_PREFIX: 'bench',
    WRITE_RATE_LIMIT_POINTS: '0',
    HOST: '127.0.0.1',
    // BENCH_API_NODE_OPTIONS tries another setting (e.g. a heap bound) before changing the Dockerfile.
    NODE_OPTIONS: process.env.BENCH_API_NODE_OPTIONS ?? productionNodeOptions(),
  };
  ctx.log(
    `api NODE_OPTIONS (${process.env.BENCH_API_NODE_OPTIONS === undefined ? 'from docker/Dockerfile' : 'from BENCH_API_NODE_OPTIONS'}): ${env.NODE_OPTIONS || '(none)'}`,
  );
  const entry = ctx.smoke ? 'apps/api/src/main.ts' : PRODUCTION_ENTRY;
  return startCompiledServer(ctx.smoke ? 'platform api (TypeScript)' : `platform api (${PRODUCTION_ENTRY})`, entry, {
    env,
    port: await freePort(),
    readyPath: '/health',
    typescript: ctx.smoke,
  });
}

async function start(ctx: RunContext): Promise<{ api: ServerProcess; baseline: ServerProcess; databaseUrl: string }> {
  const { databaseUrl, redisUrl } = await startPlatformServices(ctx, 'mesecvi_bench_submissions');
  await runMigrationsWithLock({ database: { url: databaseUrl, poolSize: 2, migrationsRun: true } });
  await createBenchSecretariat(databaseUrl);
  const [api, baseline] = await Promise.all([
    startApi(ctx, databaseUrl, redisUrl),
    startServerProcess('node:http + pg', 'bench/submissions/baseline.server.ts', {
      env: { DATABASE_URL: databaseUrl },
    }),
  ]);
  ctx.defer(() => api.stop());
  ctx.defer(() => baseline.stop());
  return { api, baseline, databaseUrl };
}

async function currentVersions(databaseUrl: string, ids: string[]): Promise<Array<{ id: string; version: number }>> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return (
      await db.query<{ id: string; version: number }>(
        'SELECT evaluation_id AS id, version FROM answer_draft WHERE evaluation_id = ANY($1::uuid[])',
        [ids],
      )
    ).rows;
  } finally {
    await db.end();
  }
}

async function json(url: string, init: RequestInit): Promise<Record<string, unknown>> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

export const submissionsBenchmark = defineBenchmark({
  name: 'submissions',
  comparisons: {
    saveThroughput: {
      name: 'save draft: api vs node:http + pg',
      workload: (smoke) =>
        `PUT ~28 KB draft with If-Match, ${planOf(smoke).saveConnections} conns, never two on one draft, median of ${planOf(smoke).saveRounds} interleaved ${planOf(smoke).saveSeconds} s rounds`,
      units: 'req/s',
      target: atLeast(0.5),
    },
    saveP99: {
      name: 'save draft p99: api vs node:http + pg',
      workload: (smoke) => `same, ${planOf(smoke).latencyConnections} conns, median round`,
      units: 'ms',
      target: atMost(2),
    },
    submitThroughput: {
      name: 'submit: api vs node:http + pg',
      workload: (smoke) =>
        `${planOf(smoke).submitPool} evaluations submitted once each (strict validation, version, audit, mail), ${planOf(smoke).submitConnections} conns`,
      units: 'req/s',
      target: atLeast(0.2),
    },
    submitP99: {
      name: 'submit p99: api vs node:http + pg',
      workload: 'same run',
      units: 'ms',
      target: atMost(5),
    },
    apiRss: {
      name: 'api RSS after the runs vs 250 MB budget',
      workload: 'VmRSS of the api process',
      units: 'MB',
      target: atMost(1),
    },
  },
  async run(ctx) {
    const plan = planOf(ctx.smoke);
    const { api, baseline, databaseUrl } = await start(ctx);
    const login = await json(`${api.origin}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
    });
    const authorization = `Bearer ${String(login.accessToken)}`;
    const questionnaire = await json(`${api.origin}/questionnaires/evaluation-round/versions/1`, {
      headers: { authorization },
    });
    const document = benchDocument();
    ctx.log(`draft document: ${Buffer.byteLength(JSON.stringify(document))} bytes`);
    // autocannon builds a request ahead now and then and drops it: spare drafts keep the pool from running dry.
    const drafts = 3 * Math.max(plan.saveConnections, plan.latencyConnections);
    const { groups, bodies } = await seedBench(databaseUrl, String(questionnaire.id), document, {
      apiDrafts: drafts,
      baselineDrafts: drafts,
      apiSubmits: plan.submitPool + plan.submitConnections,
      baselineSubmits: plan.submitPool + plan.submitConnections,
    });

    // Each answer names its evaluation and the draft's new version (the next If-Match).
    const versions = new Map<string, number>();
    const saveLoad = async (
      origin: string,
      ids: string[],
      pathOf: (id: string) => string,
      extra: Record<string, string>,
      connections: number,
      seconds: number,
    ): Promise<LoadFigures> => {
      // Requests still in flight when the previous run stopped were answered unseen: let them
      // finish, then re-read the versions.
      await new Promise((resolve) => setTimeout(resolve, 500));
      for (const row of await currentVersions(databaseUrl, ids)) versions.set(row.id, row.version);
      const index = new Map(ids.map((id, i) => [id, i]));
      return runStatefulLoad({
        origin,
        connections,
        targets: ids.length,
        durationSeconds: seconds,
        request: (t) => ({
          method: 'PUT',
          path: pathOf(ids[t]),
          headers: { 'content-type': 'application/json', 'if-match': `"${versions.get(ids[t]) ?? 0}"`, ...extra },
          body: bodies.get(ids[t]),
        }),
        targetOf: (text) => {
          try {
            const answer = JSON.parse(text) as { evaluationId?: string; version?: number };
            if (!answer.evaluationId || answer.version === undefined) return null;
            versions.set(answer.evaluationId, answer.version);
            return index.get(answer.evaluationId) ?? null;
          } catch {
            return null;
          }
        },
      });
    };
    // Each side's process CPU per answered save, logged to tell its own cost from the machine's noise.
    const measured = async (
      pid: number,
      run: () => Promise<LoadFigures>,
    ): Promise<LoadFigures & { cpuMsPerRequest: number }> => {
      const before = cpuSeconds(pid);
      const figures = await run();
      return { ...figures, cpuMsPerRequest: (1000 * (cpuSeconds(pid) - before)) / Math.max(1, figures.answered) };
    };
    const apiSave = (connections: number, seconds: number) =>
      measured(api.pid, () =>
        saveLoad(
          api.origin,
          groups.apiDrafts,
          (id) => `/evaluations/${id}/draft`,
          { authorization },
          connections,
          seconds,
        ),
      );
    const baseSave = (connections: number, seconds: number) =>
      measured(baseline.pid, () =>
        saveLoad(baseline.origin, groups.baselineDrafts, (id) => `/drafts/${id}`, {}, connections, seconds),
      );

    await apiSave(plan.saveConnections, plan.warmUpSeconds);
    await baseSave(plan.saveConnections, plan.warmUpSeconds);
    // Rounds alternate who goes first, so a slow stretch of the machine falls on both sides.
    const throughputRounds: Figures[] = [];
    const latencyRounds: Figures[] = [];
    for (let round = 0; round < plan.saveRounds; round++) {
      type Measured = Awaited<ReturnType<typeof apiSave>>;
      const pair = async (connections: number): Promise<[Measured, Measured]> => {
        if (round % 2 === 0) {
          const base = await baseSave(connections, plan.saveSeconds);
          return [await apiSave(connections, plan.saveSeconds), base];
        }
        const ours = await apiSave(connections, plan.saveSeconds);
        return [ours, await baseSave(connections, plan.saveSeconds)];
      };
      const [apiThroughput, baseThroughput] = await pair(plan.saveConnections);
      ctx.log(
        `round ${round + 1} save @${plan.saveConnections}: api ${Math.round(apiThroughput.requestsPerSecond)} req/s p99 ${apiThroughput.p99Ms} ms ${apiThroughput.cpuMsPerRequest.toFixed(2)} CPU ms/req; baseline ${Math.round(baseThroughput.requestsPerSecond)} req/s p99 ${baseThroughput.p99Ms} ms ${baseThroughput.cpuMsPerRequest.toFixed(2)} CPU ms/req`,
      );
      const [apiLatency, baseLatency] = await pair(plan.latencyConnections);
      ctx.log(
        `round ${round + 1} save @${plan.latencyConnections}: api ${Math.round(apiLatency.requestsPerSecond)} req/s p50 ${apiLatency.p50Ms} p99 ${apiLatency.p99Ms} ms ${apiLatency.cpuMsPerRequest.toFixed(2)} CPU ms/req; baseline ${Math.round(baseLatency.requestsPerSecond)} req/s p50 ${baseLatency.p50Ms} p99 ${baseLatency.p99Ms} ms ${baseLatency.cpuMsPerRequest.toFixed(2)} CPU ms/req`,
      );
      throughputRounds.push({ ours: apiThroughput.requestsPerSecond, baseline: baseThroughput.requestsPerSecond });
      latencyRounds.push({ ours: apiLatency.p99Ms, baseline: baseLatency.p99Ms });
    }

    const submitBody = JSON.stringify({ onBehalf: { channel: 'email', reference: 'bench' } });
    // Each evaluation is submitted once: targets are never given back, and the pool has one spare per connection.
    const submitLoad = (
      origin: string,
      ids: string[],
      pathOf: (id: string) => string,
      headers: Record<string, string>,
    ): Promise<LoadFigures> => {
      let next = 0;
      return runStatefulLoad({
        origin,
        connections: plan.submitConnections,
        targets: 0,
        amount: ids.length - plan.submitConnections,
        request: () => ({
          method: 'POST',
          path: pathOf(ids[next++]),
          headers: { 'content-type': 'application/json', ...headers },
          body: submitBody,
        }),
      });
    };
    const baseSubmit = await submitLoad(baseline.origin, groups.baselineSubmits, (id) => `/submit/${id}`, {});
    const apiSubmit = await submitLoad(api.origin, groups.apiSubmits, (id) => `/evaluations/${id}/submissions`, {
      authorization,
    });
    ctx.log(
      `submit: api ${Math.round(apiSubmit.requestsPerSecond)} req/s p99 ${apiSubmit.p99Ms} ms; baseline ${Math.round(baseSubmit.requestsPerSecond)} req/s p99 ${baseSubmit.p99Ms} ms`,
    );
    ctx.log(`api RSS ${Math.round(rssMb(api.pid))} MB now, ${Math.round(rssMb(api.pid, 'VmHWM'))} MB at its peak`);

    return {
      saveThroughput: medianRound(throughputRounds),
      saveP99: medianRound(latencyRounds),
      submitThroughput: { ours: apiSubmit.requestsPerSecond, baseline: baseSubmit.requestsPerSecond },
      submitP99: { ours: apiSubmit.p99Ms, baseline: baseSubmit.p99Ms },
      apiRss: { ours: rssMb(api.pid), baseline: RSS_LIMIT_MB },
    };
  },
});
