#!/usr/bin/env node
// `npm run demo`: the whole platform on this machine with demo data. Installs dependencies if
// missing (PostgreSQL and Redis too, as root); builds the web app when its sources changed;
// starts PostgreSQL, Redis and an SMTP sink with a
// web inbox, keeping their data and the mails in .data/demo (git-ignored, survives restarts;
// DEMO_DATA_DIR moves it); migrates; seeds; starts the api and the worker; prints the URLs, the
// demo accounts and, when the demo clock was moved, the mechanism's date. `npm run demo -- --reset`
// first wipes that folder: database, clock, inbox. Ctrl-C stops everything it started, and nothing else.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const dataDir = path.resolve(root, process.env.DEMO_DATA_DIR ?? path.join('.data', 'demo'));
const logDir = path.join(dataDir, 'logs');
const log = (msg) => console.log(`[demo] ${msg}`);

const PORT_VARS = {
  api: 'DEMO_API_PORT',
  postgres: 'DEMO_PG_PORT',
  redis: 'DEMO_REDIS_PORT',
  smtp: 'DEMO_SMTP_PORT',
  mailWeb: 'DEMO_MAIL_WEB_PORT',
};
const DEFAULT_PORTS = { api: 3000, postgres: 54329, redis: 63799, smtp: 1025, mailWeb: 1080 };
const ports = Object.fromEntries(
  Object.entries(DEFAULT_PORTS).map(([name, port]) => [name, Number(process.env[PORT_VARS[name]] ?? port)]),
);

function ensureDependencies() {
  if (
    fs.existsSync(path.join(root, 'node_modules', '.bin', 'nest')) &&
    fs.existsSync(path.join(root, 'node_modules', 'maildev'))
  )
    return;
  log('installing dependencies (first run)');
  // `npm install` honours package-lock.json; `npm ci` is refused where the registry lacks other platforms' optional binaries.
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function portInUse(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function runTs(script, env) {
  const r = spawnSync(process.execPath, ['-r', '@swc-node/register', script], { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${script} failed`);
}

function startApp(name, env) {
  const out = fs.openSync(path.join(logDir, `${name}.log`), 'a');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', `apps/${name}/src/main.ts`], {
    cwd: root,
    env,
    stdio: ['ignore', out, out],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The mechanism's date when the demo clock was moved (the offset lives in PostgreSQL), else undefined. */
async function movedClockDate(db, databaseUrl, timeZone) {
  const found = await db.adminQuery(databaseUrl, 'SELECT offset_ms::text AS ms FROM clock_offset WHERE id = 1');
  const offsetMs = Number(found.rows[0]?.ms ?? 0);
  if (offsetMs === 0) return undefined;
  const date = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const days = Math.round(offsetMs / 86_400_000);
  return `${date.format(new Date(Date.now() + offsetMs))} (the demo clock is ${days >= 0 ? '+' : ''}${days} days from today)`;
}

/** A folder as a person finds it: relative to the checkout when inside it. */
const shown = (dir) => (dir.startsWith(root + path.sep) ? path.relative(root, dir) : dir);

async function main() {
  // If our stdout goes away (the terminal or a pipe closed), keep shutting down quietly.
  process.stdout.on('error', () => undefined);
  process.stderr.on('error', () => undefined);
  ensureDependencies();
  const services = require('./lib/services');
  const db = require('./lib/database');
  for (const [name, port] of Object.entries(ports)) {
    if (await portInUse(port)) {
      console.error(`[demo] port ${port} (${name}) is already in use: stop what holds it, or set ${PORT_VARS[name]}`);
      process.exit(1);
    }
  }
  if (process.argv.includes('--reset')) {
    log(`--reset: removing ${shown(dataDir)} (database, demo clock, inbox, logs); seeding again`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  fs.mkdirSync(logDir, { recursive: true });

  const started = [];
  let stopping = false;
  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));

  try {
    const pg = await services.startPostgres({ dir: path.join(dataDir, 'pg'), port: ports.postgres, log });
    started.push(pg);
    const redis = await services.startRedis({ dir: path.join(dataDir, 'redis'), port: ports.redis, log });
    started.push(redis);
    const mailDirectory = path.join(dataDir, 'mail');
    fs.mkdirSync(mailDirectory, { recursive: true });
    const sink = await services.startMailSink({
      smtpPort: ports.smtp,
      webPort: ports.mailWeb,
      projectRoot: root,
      mailDirectory,
    });
    started.push(sink);

    const databaseUrl = await db.ensureDatabase(db.withDatabase(pg.url, 'postgres'), 'mesecvi');
    // A signing key made once per demo data folder, so tokens survive a restart of the demo.
    const secretFile = path.join(dataDir, 'jwt-secret');
    if (!fs.existsSync(secretFile))
      fs.writeFileSync(secretFile, require('node:crypto').randomBytes(48).toString('base64url'), { mode: 0o600 });
    const env = {
      ...process.env,
      APP_MODE: 'demo',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      SMTP_URL: sink.smtpUrl,
      JWT_SECRET: fs.readFileSync(secretFile, 'utf8').trim(),
      PORT: String(ports.api),
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: `http://localhost:${ports.api}`,
      DEMO_DATA_DIR: dataDir,
    };
    fs.writeFileSync(
      path.join(dataDir, 'env.json'),
      JSON.stringify({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url, SMTP_URL: sink.smtpUrl }, null, 2),
    );

    // The api serves the web app from dist/web: built on the first run and again only when its sources changed.
    require('./lib/web-build').ensureWebBuild({ log });
    log('migrating');
    runTs('scripts/migrate.ts', env);
    log('seeding demo data');
    runTs('scripts/seed-demo.ts', env);

    const envNoMigrate = { ...env, MIGRATIONS_RUN: 'false' };
    const api = startApp('api', envNoMigrate);
    started.push(api);
    const worker = startApp('worker', envNoMigrate);
    started.push(worker);
    for (const app of [api, worker]) {
      app.child.once('exit', (code) => {
        if (!stopping) {
          console.error(`[demo] a process exited (code ${code}); see ${logDir}`);
          stopAll(1);
        }
      });
    }
    await services.waitForPort(ports.api, 60000);
    const base = `http://localhost:${ports.api}`;
    for (let i = 0; i < 100; i++) {
      const res = await fetch(`${base}/ready`).catch(() => undefined);
      if (res && res.status === 200) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const accounts = path.join(dataDir, 'accounts.txt');
    const mechanismDate = await movedClockDate(db, databaseUrl, process.env.MECHANISM_TIME_ZONE ?? 'America/New_York');
    console.log(`
MESECVI Follow-up Platform — demo running
  Web          ${base}/
  API          ${base}
  OpenAPI UI   ${base}/docs
  Health       ${base}/health   Ready ${base}/ready   Metrics ${base}/metrics
  Mail inbox   ${sink.webUrl.replace('127.0.0.1', 'localhost')}
  Logs         ${shown(logDir)}/api.log, worker.log
${mechanismDate ? `  Date         ${mechanismDate}; \`npm run demo -- --reset\` starts over\n` : ''}${fs.existsSync(accounts) ? fs.readFileSync(accounts, 'utf8') : ''}
Press Ctrl-C to stop everything the demo started (data and mails stay in ${shown(dataDir)};
\`npm run demo -- --reset\` starts over from the seed).`);
  } catch (e) {
    console.error(`[demo] ${e instanceof Error ? e.message : e}`);
    await stopAll(1);
  }
}

main();
