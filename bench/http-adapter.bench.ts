// HTTP adapter: what Nest costs on Fastify and on Express against bare node:http, and what the
// real platform stack (createApiApp) costs on its cheapest route, all measured in one run.
//
// Every server runs in its own child process and autocannon runs here, in the parent. On two
// cores that gives the server under test one core and the load generator the other. In one
// process they would share one event loop: every server would get only what autocannon leaves
// over, which squeezes the differences we want to see. Servers stay up for the whole run (idle
// ones cost nothing) so rounds can be interleaved: drift on a shared machine then spreads over
// all servers instead of landing on one.
import { runMigrationsWithLock } from '@mesecvi/database';
import { atLeast, defineBenchmark, type RunContext } from './harness/benchmark';
import { measureThroughput, median, type LoadProfile } from './harness/load';
import { startServerProcess, type ServerProcess } from './harness/server-process';
import { startPlatformServices } from './harness/services';
import { HELLO_PATH } from './http-adapter/hello-payload';

interface Plan {
  warmUp: LoadProfile;
  measure: LoadProfile;
  rounds: number;
}

const FULL: Plan = {
  warmUp: { connections: 50, durationSeconds: 3 },
  measure: { connections: 50, durationSeconds: 5 },
  rounds: 3,
};
const SMOKE: Plan = {
  warmUp: { connections: 5, durationSeconds: 0.5 },
  measure: { connections: 5, durationSeconds: 1 },
  rounds: 1,
};

const planOf = (smoke: boolean): Plan => (smoke ? SMOKE : FULL);
const loadText = (smoke: boolean): string => {
  const { measure, rounds } = planOf(smoke);
  return `${measure.connections} conns, ${rounds > 1 ? `median of ${rounds} × ` : ''}${measure.durationSeconds} s`;
};

type ServerKey = 'node' | 'nestFastify' | 'nestExpress' | 'platform';

interface ServerSpec {
  key: ServerKey;
  label: string;
  entry: string;
  args?: string[];
  path: string;
}

const SIMPLE_SERVERS: ServerSpec[] = [
  { key: 'node', label: 'node:http', entry: 'bench/http-adapter/node-http.server.ts', path: HELLO_PATH },
  {
    key: 'nestFastify',
    label: 'Nest/Fastify',
    entry: 'bench/http-adapter/nest-hello.server.ts',
    args: ['fastify'],
    path: HELLO_PATH,
  },
  {
    key: 'nestExpress',
    label: 'Nest/Express',
    entry: 'bench/http-adapter/nest-hello.server.ts',
    args: ['express'],
    path: HELLO_PATH,
  },
];
const PLATFORM_SERVER: ServerSpec = {
  key: 'platform',
  label: 'platform api',
  entry: 'bench/http-adapter/platform-api.server.ts',
  path: '/health',
};

/** Starts the platform's services, migrates a fresh database, then the api on top of them. */
async function startPlatform(ctx: RunContext): Promise<ServerProcess> {
  const { databaseUrl, redisUrl } = await startPlatformServices(ctx, 'mesecvi_bench');
  await runMigrationsWithLock({ database: { url: databaseUrl, poolSize: 2, migrationsRun: true } });
  return startServerProcess(PLATFORM_SERVER.label, PLATFORM_SERVER.entry, {
    env: { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl },
  });
}

/** Starts everything concurrently; whatever did start is stopped later even if another failed. */
async function startAll(ctx: RunContext): Promise<Map<ServerKey, ServerProcess>> {
  const starting: Array<[ServerKey, Promise<ServerProcess>]> = [
    ...SIMPLE_SERVERS.map((s): [ServerKey, Promise<ServerProcess>] => [
      s.key,
      startServerProcess(s.label, s.entry, { args: s.args }),
    ]),
    [PLATFORM_SERVER.key, startPlatform(ctx)],
  ];
  const settled = await Promise.allSettled(starting.map(([, p]) => p));
  const running = new Map<ServerKey, ServerProcess>();
  settled.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') {
      running.set(starting[i][0], outcome.value);
      ctx.defer(() => outcome.value.stop());
    }
  });
  const failure = settled.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failure) throw failure.reason;
  return running;
}

export const httpAdapterBenchmark = defineBenchmark({
  name: 'http-adapter',
  comparisons: {
    nestFastifyVsNode: {
      name: 'Nest/Fastify vs node:http',
      workload: (smoke) => `GET /hello → {"hello":"world"}, ${loadText(smoke)}`,
      units: 'req/s',
      target: atLeast(0.5),
    },
    nestFastifyVsExpress: {
      name: 'Nest/Fastify vs Nest/Express',
      workload: (smoke) => `same controller on both adapters, ${loadText(smoke)}`,
      units: 'req/s',
      target: atLeast(1.3),
    },
    platformVsNode: {
      name: 'platform api GET /health vs node:http',
      workload: (smoke) => `createApiApp (helmet, request id, metrics, pino silent), ${loadText(smoke)}`,
      units: 'req/s',
      target: atLeast(0.35),
    },
  },
  async run(ctx) {
    const plan = planOf(ctx.smoke);
    const servers = await startAll(ctx);
    const specs = [...SIMPLE_SERVERS, PLATFORM_SERVER];
    const urlOf = (spec: ServerSpec): string => {
      const server = servers.get(spec.key);
      if (!server) throw new Error(`${spec.label} is not running`);
      return `${server.origin}${spec.path}`;
    };

    // JIT and connection pools warm before anything counts.
    for (const spec of specs) await measureThroughput(urlOf(spec), plan.warmUp);

    const samples = new Map<ServerKey, number[]>(specs.map((s) => [s.key, []]));
    for (let round = 0; round < plan.rounds; round++) {
      // Rotate the order each round so no server is always measured first or last.
      for (let i = 0; i < specs.length; i++) {
        const spec = specs[(i + round) % specs.length];
        const t = await measureThroughput(urlOf(spec), plan.measure);
        samples.get(spec.key)?.push(t.requestsPerSecond);
        ctx.log(
          `round ${round + 1}/${plan.rounds} ${spec.label}: ${Math.round(t.requestsPerSecond)} req/s, p50 ${t.p50Ms} ms, p99 ${t.p99Ms} ms`,
        );
      }
    }
    const rps = (key: ServerKey): number => median(samples.get(key) ?? []);
    return {
      nestFastifyVsNode: { ours: rps('nestFastify'), baseline: rps('node') },
      nestFastifyVsExpress: { ours: rps('nestFastify'), baseline: rps('nestExpress') },
      platformVsNode: { ours: rps('platform'), baseline: rps('node') },
    };
  },
});
