#!/usr/bin/env node
// `npm test`: starts a throw-away PostgreSQL, Redis and SMTP sink on free ports (unless
// DATABASE_URL / REDIS_URL / SMTP_URL are given), migrates one template database that every
// suite clones, builds the web app unless its build is current (the api serves it), runs jest with
// any extra arguments, and stops what it started, even on failure.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const log = (msg) => console.log(`[test] ${msg}`);

function ensureDependencies() {
  if (fs.existsSync(path.join(root, 'node_modules', '.bin', 'jest'))) return;
  log('installing dependencies (npm install)');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

let jest;

function runJest(args, env) {
  return new Promise((resolve) => {
    jest = spawn(process.execPath, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ...args], {
      cwd: root,
      env,
      stdio: 'inherit',
    });
    jest.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
}

/**
 * The Chromium for the browser journeys, installed now when missing (as root) so a run that
 * cannot have one stops before the api suites, not after them. Under CI a browser that cannot be
 * installed fails the run; elsewhere the journeys are skipped with the command that installs it.
 */
function browserForTests() {
  try {
    const chromium = require('./lib/browser').ensureChromium({ log });
    log(`browser tests: ${chromium.version}; playwright-core ${require('playwright-core/package.json').version}`);
    return chromium;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (process.env.CI === 'true') throw new Error(`browser tests cannot run: ${message}`, { cause: e });
    log(`browser tests SKIPPED: ${message}`);
    return undefined;
  }
}

/**
 * jest's arguments for a run of its own (`--outputFile=X.json` becomes `X.NAME.json`, so .ci/run
 * counts it too).
 */
function argsFor(name, args) {
  return args.map((a) => a.replace(/^(--outputFile=.*?)(\.json)?$/, (_, file, ext) => `${file}.${name}${ext ?? ''}`));
}

/**
 * The contract aggregate, after the api suites: it reads what their responses did against the
 * OpenAPI document. It runs whatever subset the api suites were (test paths and name patterns are
 * not passed on), and holds the pending list only to what that subset exercised.
 */
function runContractCheck(args, env) {
  const reporting = argsFor('contract', args).filter((a) => /^--(ci|json|silent|verbose|outputFile=.*)$/.test(a));
  return runJest(['--selectProjects', 'contract', ...reporting], env);
}

/**
 * The browser journeys, after the api suites and one at a time (each drives its own Chromium
 * against its own api). `--outputFile=X.json` becomes `X.browser.json`, so .ci/run counts both runs.
 */
function runBrowserSuites(chromium, args, env) {
  if (!chromium) return Promise.resolve(0);
  return runJest(['--selectProjects', 'browser', '--runInBand', '--passWithNoTests', ...argsFor('browser', args)], {
    ...env,
    CHROMIUM_PATH: chromium.path,
  });
}

async function main() {
  ensureDependencies();
  const services = require('./lib/services');
  const db = require('./lib/database');
  const started = [];
  let tmp;
  let stopping = false;
  const stopAll = async () => {
    if (stopping) return;
    stopping = true;
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (jest) jest.kill(signal);
      stopAll().finally(() => process.exit(130));
    });
  }

  try {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mesecvi-test-'));
    fs.chmodSync(tmp, 0o755);
    let adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) {
      const pg = await services.startPostgres({
        dir: path.join(tmp, 'pg'),
        port: await services.freePort(),
        fast: true,
        log,
      });
      started.push(pg);
      adminUrl = db.withDatabase(pg.url, 'postgres');
    }
    let redisUrl = process.env.REDIS_URL;
    if (!redisUrl) {
      const redis = await services.startRedis({ dir: path.join(tmp, 'redis'), port: await services.freePort(), log });
      started.push(redis);
      redisUrl = redis.url;
    }
    let smtpUrl = process.env.SMTP_URL;
    let mailWebUrl = process.env.MAIL_WEB_URL;
    if (!smtpUrl) {
      const sink = await services.startMailSink({
        smtpPort: await services.freePort(),
        webPort: await services.freePort(),
        projectRoot: root,
      });
      started.push(sink);
      smtpUrl = sink.smtpUrl;
      mailWebUrl = sink.webUrl;
    }
    log('services up; migrating the template database');
    const templateUrl = await db.recreateDatabase(adminUrl, 'mesecvi_template');
    const migrate = spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/migrate.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: templateUrl },
      encoding: 'utf8',
    });
    if (migrate.status !== 0) throw new Error(`migrating the template failed:\n${migrate.stdout}${migrate.stderr}`);

    const env = {
      ...process.env,
      APP_MODE: 'test',
      TEST_PG_ADMIN_URL: adminUrl,
      TEST_TEMPLATE_DB: 'mesecvi_template',
      REDIS_URL: redisUrl,
      SMTP_URL: smtpUrl,
      MAIL_WEB_URL: mailWebUrl ?? '',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    };
    delete env.DATABASE_URL; // each suite gets its own database, cloned from the template
    // What each response did against the OpenAPI document; kept after the run for `npm run contract:pending`.
    const contractRun = path.join(root, '.data', 'contract-run');
    fs.rmSync(contractRun, { recursive: true, force: true });
    fs.mkdirSync(contractRun, { recursive: true });
    env.CONTRACT_RUN_DIR = contractRun;
    const args = process.argv.slice(2);
    // The api serves the web app's build: built now from the sources, or checked to be theirs.
    require('./lib/web-build').ensureWebBuild({ log });
    const chromium = browserForTests();
    const apiCode = await runJest(['--selectProjects', 'api', '--passWithNoTests', ...args], env);
    const contractCode = await runContractCheck(args, env);
    const browserCode = await runBrowserSuites(chromium, args, env);
    const code = [apiCode, contractCode, browserCode].find((c) => c !== 0) ?? 0;
    await stopAll();
    process.exit(code);
  } catch (e) {
    console.error(`[test] ${e instanceof Error ? e.message : e}`);
    await stopAll();
    process.exit(1);
  }
}

main();
