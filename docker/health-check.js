// Container health check for the one image: `node docker/health-check.js api|worker`.
// Plain CommonJS on production dependencies only, because the runtime image has no curl, no
// TypeScript runner and no devDependencies. Exit 0 = healthy, 1 = unhealthy.
'use strict';
const os = require('node:os');

const TIMEOUT_MS = 4000;

/** The api is alive when its liveness route answers 200 (readiness is /ready, not for restarts). */
async function checkApi() {
  const port = process.env.PORT || '3000';
  const res = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!res.ok) throw new Error(`/health answered ${res.status}`);
}

/**
 * The worker has no HTTP port; it is healthy when this container's worker wrote a heartbeat
 * recently, which proves the BullMQ scheduler, the handler and PostgreSQL all work end to end.
 * Worker ids are `<hostname>:<pid>` and the container's hostname is its own. beat_at follows the
 * platform clock, so a demo clock moved backwards would read as stale: compose runs production.
 */
async function checkWorker() {
  const { Client } = require('pg');
  const every = Number(process.env.HEARTBEAT_EVERY_MS || 60000);
  // Three missed beats plus slack before we call it stuck.
  const staleSeconds = Math.ceil((3 * every) / 1000) + 30;
  const client = new Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: TIMEOUT_MS });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      `SELECT 1 FROM worker_heartbeat WHERE worker_id LIKE $1 AND beat_at > now() - make_interval(secs => $2)`,
      [`${os.hostname()}:%`, staleSeconds],
    );
    if (!rowCount) throw new Error(`no heartbeat from ${os.hostname()} in the last ${staleSeconds} s`);
  } finally {
    await client.end();
  }
}

const checks = { api: checkApi, worker: checkWorker };
const check = checks[process.argv[2]];
if (!check) {
  console.error('usage: node docker/health-check.js api|worker');
  process.exit(2);
}
check().then(
  () => process.exit(0),
  (e) => {
    // Never print the error object: a pg error may carry the connection string.
    console.error(`unhealthy: ${e instanceof Error ? e.message : 'unknown error'}`);
    process.exit(1);
  },
);
