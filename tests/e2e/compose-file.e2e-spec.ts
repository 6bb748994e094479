import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { parse } from 'yaml';
import { envSchema, loadConfig, type AppConfig } from '@mesecvi/config';
import { createSuiteDatabase, type SuiteDatabase } from '../harness';

// No Docker engine runs where the tests run: these checks read docker/ as text and hold it
// against the configuration schema and the Nest build, so a broken file fails here first.

const root = path.join(__dirname, '..', '..');
const dockerDir = path.join(root, 'docker');
const composePath = path.join(dockerDir, 'compose.yaml');
const dockerfilePath = path.join(dockerDir, 'Dockerfile');
const healthCheckScript = 'docker/health-check.js';

const APPS = ['api', 'worker'] as const;
type App = (typeof APPS)[number];

type EnvValue = string | number | boolean | null;
interface ComposeService {
  build?: string | { context?: string; dockerfile?: string };
  image?: string;
  command?: string | string[];
  environment?: Record<string, EnvValue> | string[];
  ports?: Array<string | number | { target: number | string; published?: number | string }>;
  volumes?: Array<string | { type?: string; source?: string; target: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/**
 * Compose interpolation as an empty shell would see it: `${VAR:-default}` / `${VAR-default}`
 * take their default, a bare `${VAR}` is empty, `$$` is a literal `$`.
 */
function interpolate(value: string): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (match: string, name: string | undefined, op: string | undefined, arg: string | undefined) => {
      if (match === '$$') return '$';
      if (op === ':-' || op === '-') return arg ?? '';
      if (op === ':?' || op === '?') throw new Error(`compose needs ${name ?? '?'} from the shell: ${arg ?? ''}`);
      return '';
    },
  );
}

function interpolateDeep(node: unknown): unknown {
  if (typeof node === 'string') return interpolate(node);
  if (Array.isArray(node)) return node.map(interpolateDeep);
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, interpolateDeep(v)]));
  }
  return node;
}

function loadCompose(): ComposeFile {
  // merge: true resolves the `<<: *anchor` keys compose supports.
  const raw: unknown = parse(readFileSync(composePath, 'utf8'), { merge: true });
  return interpolateDeep(raw) as ComposeFile;
}

function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((entry) => {
        const i = entry.indexOf('=');
        return i < 0 ? [entry, ''] : [entry.slice(0, i), entry.slice(i + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

/** Splits a compose `command` / healthcheck `test` into tokens, whichever form it uses. */
function tokens(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : value.trim().split(/\s+/);
}

/** The file `nest build <project>` writes: webpack bundles the entry into `<outDir>/<entryFile>.js`. */
function nestBuildOutput(project: App): string {
  interface NestCli {
    compilerOptions?: { webpack?: boolean; tsConfigPath?: string };
    projects: Record<string, { entryFile?: string; compilerOptions?: { webpack?: boolean; tsConfigPath?: string } }>;
  }
  const cli = JSON.parse(readFileSync(path.join(root, 'nest-cli.json'), 'utf8')) as NestCli;
  const p = cli.projects[project];
  expect(p).toBeDefined();
  // Only the webpack builder emits a single self-contained main.js per app.
  expect(p.compilerOptions?.webpack ?? cli.compilerOptions?.webpack).toBe(true);
  const tsConfigPath = p.compilerOptions?.tsConfigPath ?? cli.compilerOptions?.tsConfigPath ?? 'tsconfig.build.json';
  const tsconfig = JSON.parse(readFileSync(path.join(root, tsConfigPath), 'utf8')) as {
    compilerOptions?: { outDir?: string };
  };
  const outDir = tsconfig.compilerOptions?.outDir;
  expect(outDir).toBeDefined();
  const absolute = path.resolve(root, path.dirname(tsConfigPath), outDir ?? '', `${p.entryFile ?? 'main'}.js`);
  return path.relative(root, absolute).split(path.sep).join('/');
}

interface DockerInstruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions grouped by stage (continuation lines joined, comments dropped). */
function dockerfileStages(): DockerInstruction[][] {
  const joined = readFileSync(dockerfilePath, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  const stages: DockerInstruction[][] = [];
  for (const line of joined.split('\n')) {
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const instruction = { keyword: m[1].toUpperCase(), args: m[2].trim() };
    if (instruction.keyword === 'FROM') stages.push([]);
    if (stages.length > 0) stages[stages.length - 1].push(instruction);
  }
  return stages;
}

/** `CMD ["node", "x.js"]` or `CMD node x.js` → tokens. */
function execForm(args: string): string[] {
  return args.startsWith('[') ? (JSON.parse(args) as string[]) : args.split(/\s+/);
}

describe('docker/compose.yaml', () => {
  const compose = loadCompose();
  const service = (name: string): ComposeService => {
    const s = compose.services[name];
    if (!s) throw new Error(`service ${name} is missing`);
    return s;
  };
  const configOf = (app: App): AppConfig => loadConfig(environmentOf(service(app)));

  it('declares api, worker, postgres, redis and mail', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      expect.arrayContaining(['api', 'mail', 'postgres', 'redis', 'worker']),
    );
  });

  it.each(APPS)('%s is built from docker/Dockerfile with the repository as context', (app) => {
    const build = service(app).build;
    expect(build).toBeDefined();
    const context = path.resolve(dockerDir, typeof build === 'string' ? build : (build?.context ?? '.'));
    const dockerfile = path.resolve(
      context,
      typeof build === 'string' ? 'Dockerfile' : (build?.dockerfile ?? 'Dockerfile'),
    );
    expect(context).toBe(root);
    expect(existsSync(path.join(context, 'package-lock.json'))).toBe(true);
    expect(dockerfile).toBe(dockerfilePath);
    expect(existsSync(dockerfile)).toBe(true);
  });

  it.each(APPS)('%s runs the bundle nest build produces for it', (app) => {
    const command = tokens(service(app).command);
    expect(command).toEqual(['node', nestBuildOutput(app)]);
  });

  it.each(APPS)('%s sets only variables the configuration schema knows', (app) => {
    const known = Object.keys(envSchema.properties);
    const unknown = Object.keys(environmentOf(service(app))).filter((k) => !known.includes(k));
    expect(unknown).toEqual([]);
  });

  it.each(APPS)('%s sets every required variable', (app) => {
    const env = environmentOf(service(app));
    const required: readonly string[] = envSchema.required;
    const missing = required.filter((k) => !env[k]);
    expect(missing).toEqual([]);
  });

  it.each(APPS)('%s environment passes loadConfig()', (app) => {
    expect(() => configOf(app)).not.toThrow();
    expect(configOf(app).mode).toBe('production');
  });

  it('api and worker share the same database, queues and mail settings', () => {
    const [api, worker] = APPS.map(configOf);
    expect(worker.database.url).toBe(api.database.url);
    expect(worker.redis).toEqual(api.redis);
    expect(worker.mail).toEqual(api.mail);
    expect(worker.http.publicBaseUrl).toBe(api.http.publicBaseUrl);
  });

  it.each(APPS)('%s reaches PostgreSQL, Redis and the SMTP sink by their service names', (app) => {
    const config = configOf(app);
    const db = new URL(config.database.url);
    const pg = environmentOf(service('postgres'));
    expect(db.hostname).toBe('postgres');
    expect(db.port || '5432').toBe('5432');
    expect(decodeURIComponent(db.username)).toBe(pg.POSTGRES_USER);
    expect(decodeURIComponent(db.password)).toBe(pg.POSTGRES_PASSWORD);
    expect(db.pathname).toBe(`/${pg.POSTGRES_DB}`);

    const redis = new URL(config.redis.url);
    expect(redis.hostname).toBe('redis');
    expect(redis.port || '6379').toBe('6379');

    const smtp = new URL(config.mail.smtpUrl);
    expect(smtp.hostname).toBe('mail');
    expect(smtp.port).toBe(environmentOf(service('mail')).MAILDEV_SMTP_PORT ?? '1025');
  });

  it('publishes the port the api listens on, on all interfaces of its container', () => {
    const config = configOf('api');
    expect(['0.0.0.0', '::']).toContain(config.http.host);
    const targets = (service('api').ports ?? []).map((p) => {
      if (typeof p === 'object') return String(p.target);
      const parts = String(p).split('/')[0].split(':');
      return parts[parts.length - 1];
    });
    expect(targets).toContain(String(config.http.port));
  });

  it('publishes the mail inbox on 1080', () => {
    const ports = (service('mail').ports ?? []).map(String);
    expect(ports.some((p) => /(^|:)1080$/.test(p))).toBe(true);
  });

  it('runs Redis with noeviction and an AOF synced every second', () => {
    const command = tokens(service('redis').command);
    const option = (name: string): string | undefined => {
      const i = command.indexOf(`--${name}`);
      return i < 0 ? undefined : command[i + 1];
    };
    expect(command[0]).toBe('redis-server');
    expect(option('maxmemory-policy')).toBe('noeviction');
    expect(option('appendonly')).toBe('yes');
    expect(option('appendfsync')).toBe('everysec');
  });

  it.each(['api', 'worker', 'postgres', 'redis', 'mail'])('%s has a health check', (name) => {
    const check = service(name).healthcheck;
    expect(check?.disable).not.toBe(true);
    const test = tokens(check?.test);
    expect(test.length).toBeGreaterThan(1);
    expect(test[0]).not.toBe('NONE');
  });

  it('checks each service with a probe that fits it', () => {
    expect(tokens(service('postgres').healthcheck?.test)).toContain('pg_isready');
    expect(tokens(service('redis').healthcheck?.test)).toEqual(expect.arrayContaining(['redis-cli', 'ping']));
    expect(tokens(service('mail').healthcheck?.test).join(' ')).toContain('/healthz');
    for (const app of APPS) {
      expect(tokens(service(app).healthcheck?.test)).toEqual(['CMD', 'node', healthCheckScript, app]);
    }
    expect(readFileSync(path.join(root, healthCheckScript), 'utf8')).toContain('/health`');
  });

  it.each(APPS)('%s waits for healthy PostgreSQL, Redis and mail', (app) => {
    const deps = service(app).depends_on;
    expect(deps).toBeDefined();
    expect(Array.isArray(deps)).toBe(false);
    for (const dep of ['postgres', 'redis', 'mail']) {
      expect({ dep, condition: (deps as Record<string, { condition?: string }>)[dep]?.condition }).toEqual({
        dep,
        condition: 'service_healthy',
      });
    }
  });

  it.each([
    ['postgres', '/var/lib/postgresql/data'],
    ['redis', '/data'],
  ])('%s keeps its data in a named volume at %s', (name, target) => {
    const volumes = (service(name).volumes ?? []).map((v) => {
      if (typeof v === 'object') return { source: v.source ?? '', target: v.target };
      const [source, mountTarget] = v.split(':');
      return { source, target: mountTarget };
    });
    const mount = volumes.find((v) => v.target === target);
    expect(mount).toBeDefined();
    // A named volume, not a bind mount of a host path.
    expect(mount?.source).toMatch(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/);
    expect(Object.keys(compose.volumes ?? {})).toContain(mount?.source);
  });
});

describe('docker/Dockerfile', () => {
  const stages = dockerfileStages();
  const final = stages[stages.length - 1] ?? [];
  const argsOf = (stage: DockerInstruction[], keyword: string): string[] =>
    stage.filter((i) => i.keyword === keyword).map((i) => i.args);

  it('is multi-stage on Node 20', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const text = readFileSync(dockerfilePath, 'utf8');
    expect(text).toMatch(/node:20-bookworm-slim/);
  });

  it('builds both apps with nest build in an earlier stage', () => {
    const earlierRuns = stages
      .slice(0, -1)
      .flatMap((s) => argsOf(s, 'RUN'))
      .join('\n');
    for (const app of APPS) expect(earlierRuns).toMatch(new RegExp(`nest build ${app}\\b`));
  });

  it('builds the web app in an earlier stage and ships only its shell and hashed files', () => {
    const earlierRuns = stages
      .slice(0, -1)
      .flatMap((s) => argsOf(s, 'RUN'))
      .join('\n');
    expect(earlierRuns).toMatch(/node scripts\/build-web\.js\b/);
    const fromBuild = argsOf(final, 'COPY').filter((c) => /--from=\S+/.test(c));
    expect(fromBuild.filter((c) => c.includes('dist/web')).map((c) => c.split(/\s+/)[1])).toEqual([
      '/app/dist/web/index.html',
      '/app/dist/web/app',
    ]);
    // The whole dist would carry the build's manifest and stamp too.
    expect(fromBuild.some((c) => /\/app\/dist\s/.test(c))).toBe(false);
  });

  it('runs as a non-root user in the final stage', () => {
    const users = argsOf(final, 'USER');
    expect(users.length).toBeGreaterThan(0);
    const user = users[users.length - 1].split(':')[0];
    expect(['root', '0']).not.toContain(user);
  });

  it('ships production dependencies only, with NODE_ENV=production', () => {
    const runs = argsOf(final, 'RUN').join('\n');
    expect(runs).toMatch(/npm ci\b[^\n]*--omit=dev/);
    expect(argsOf(final, 'ENV').join(' ')).toMatch(/NODE_ENV[= ]production/);
    expect(argsOf(final, 'COPY').some((c) => /--from=\S+/.test(c) && /\bdist\b/.test(c))).toBe(true);
  });

  it('starts the api bundle by default and checks its health with the copied script', () => {
    const cmd = argsOf(final, 'CMD');
    expect(cmd.length).toBeGreaterThan(0);
    expect(execForm(cmd[cmd.length - 1])).toEqual(['node', nestBuildOutput('api')]);
    const health = argsOf(final, 'HEALTHCHECK').join(' ');
    expect(health).toContain(healthCheckScript);
    expect(argsOf(final, 'COPY').some((c) => c.includes(healthCheckScript) && !c.includes('--from'))).toBe(true);
    expect(existsSync(path.join(root, healthCheckScript))).toBe(true);
  });

  it('keeps local state out of the build context', () => {
    const ignored = readFileSync(path.join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim().replace(/\/$/, ''))
      .filter((l) => l && !l.startsWith('#'));
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', '.data', 'dist', '.git', 'coverage', '.ci/out']));
    expect(ignored.some((l) => l.startsWith('docker'))).toBe(false);
  });
});

describe('docker/health-check.js', () => {
  const run = (mode: string, env: Record<string, string>): Promise<number> =>
    new Promise((resolve) => {
      execFile(
        process.execPath,
        [path.join(root, healthCheckScript), mode],
        { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20000 },
        (err) => {
          resolve(err ? (typeof err.code === 'number' ? err.code : -1) : 0);
        },
      );
    });

  describe('api', () => {
    let server: Server;
    let status = 200;
    let port = 0;

    beforeAll(async () => {
      server = createServer((req, res) => {
        res.statusCode = req.url === '/health' ? status : 404;
        res.end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('is healthy when /health answers 200 and unhealthy otherwise', async () => {
      status = 200;
      expect(await run('api', { PORT: String(port) })).toBe(0);
      status = 503;
      expect(await run('api', { PORT: String(port) })).toBe(1);
    });

    it('is unhealthy when nothing listens', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const freePort = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      expect(await run('api', { PORT: String(freePort) })).toBe(1);
    });
  });

  describe('worker', () => {
    let db: SuiteDatabase;
    const beat = async (secondsAgo: number | null): Promise<void> => {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        await client.query('DELETE FROM worker_heartbeat');
        if (secondsAgo !== null) {
          await client.query(
            `INSERT INTO worker_heartbeat (worker_id, beat_at, beats) VALUES ($1, now() - make_interval(secs => $2), 1)`,
            [`${hostname()}:1`, secondsAgo],
          );
        }
      } finally {
        await client.end();
      }
    };

    beforeAll(async () => {
      db = await createSuiteDatabase();
    });
    afterAll(async () => {
      await db?.drop();
    });

    it('is healthy only with a recent heartbeat from its own host', async () => {
      const env = { DATABASE_URL: db.url, HEARTBEAT_EVERY_MS: '60000' };
      await beat(null);
      expect(await run('worker', env)).toBe(1);
      await beat(10);
      expect(await run('worker', env)).toBe(0);
      await beat(3600);
      expect(await run('worker', env)).toBe(1);
    });

    it('is unhealthy, without leaking the URL, when PostgreSQL is unreachable', async () => {
      const stderr = await new Promise<string>((resolve) => {
        execFile(
          process.execPath,
          [path.join(root, healthCheckScript), 'worker'],
          {
            cwd: root,
            env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'postgres://u:leak-me@127.0.0.1:1/x' },
            timeout: 20000,
          },
          (err, _stdout, errOut) => {
            expect(err?.code).toBe(1);
            resolve(String(errOut));
          },
        );
      });
      expect(stderr).toMatch(/^unhealthy: /);
      expect(stderr).not.toContain('leak-me');
    });
  });
});
