// PostgreSQL and Redis for benchmarks that need the real platform, started in a temp dir through
// scripts/lib/services.js (the same code `npm test` and the demo use) and stopped afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunContext } from './benchmark';

interface RunningService {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface ServicesScript {
  freePort(): Promise<number>;
  startPostgres(opts: {
    dir: string;
    port: number;
    fast?: boolean;
    log?: (m: string) => void;
  }): Promise<RunningService>;
  startRedis(opts: { dir: string; port: number; log?: (m: string) => void }): Promise<RunningService>;
}

interface DatabaseScript {
  withDatabase(url: string, database: string): string;
  recreateDatabase(adminUrl: string, name: string, template?: string): Promise<string>;
}

const SCRIPTS = path.resolve(__dirname, '..', '..', 'scripts', 'lib');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS helper of scripts/, shared with `npm run bench`
const services = require(path.join(SCRIPTS, 'services.js')) as ServicesScript;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS helper of scripts/, shared with `npm run bench`
const database = require(path.join(SCRIPTS, 'database.js')) as DatabaseScript;

/** A TCP port free on the loopback interface right now. */
export const freePort = (): Promise<number> => services.freePort();

export interface PlatformServices {
  /** A fresh, empty database on the bench's own PostgreSQL. */
  databaseUrl: string;
  redisUrl: string;
}

/** Starts both services; their stop (and the temp dir's removal) is registered with `ctx.defer`. */
export async function startPlatformServices(ctx: RunContext, databaseName: string): Promise<PlatformServices> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mesecvi-bench-'));
  // The postgres user (PostgreSQL refuses to run as root) must be able to reach its data dir.
  fs.chmodSync(tmp, 0o755);
  ctx.defer(() => fs.rmSync(tmp, { recursive: true, force: true }));

  // Durability off: the data is thrown away, and /health never waits on a disk flush anyway.
  const pg = await services.startPostgres({
    dir: path.join(tmp, 'pg'),
    port: await services.freePort(),
    fast: true,
    log: ctx.log,
  });
  ctx.defer(() => pg.stop());
  const redis = await services.startRedis({
    dir: path.join(tmp, 'redis'),
    port: await services.freePort(),
    log: ctx.log,
  });
  ctx.defer(() => redis.stop());

  const databaseUrl = await database.recreateDatabase(database.withDatabase(pg.url, 'postgres'), databaseName);
  return { databaseUrl, redisUrl: redis.url };
}
