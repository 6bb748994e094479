// Starts and stops the real services the platform needs: PostgreSQL, Redis and an SMTP sink.
// Plain CommonJS with no dependencies, so `npm run demo` can use it before `npm install`, and
// the test harness can require it to start a suite's own services (fault tests).
'use strict';
const { spawn, spawnSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { ensurePackages, installedPackages, isRoot, reinstallPackages } = require('./apt');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function waitForPort(port, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on port ${port} after ${timeoutMs} ms`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

// ---------- PostgreSQL ----------

function findPgBin() {
  if (process.env.PG_BIN && fs.existsSync(path.join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  const preferred = versions.includes('15') ? '15' : versions[0];
  return preferred ? path.join(root, preferred, 'bin') : null;
}

/** PostgreSQL refuses to run as root: run its binaries as the `postgres` user, who owns the data. */
function pgRun(bin, args, opts = {}) {
  const cmd = path.join(bin, args[0]);
  const full = isRoot ? ['runuser', '-u', 'postgres', '--', cmd, ...args.slice(1)] : [cmd, ...args.slice(1)];
  return execFileSync(full[0], full.slice(1), { stdio: opts.stdio ?? 'pipe', encoding: 'utf8' });
}

/**
 * Starts a PostgreSQL cluster in `dir` (created on first use) listening on 127.0.0.1:`port`.
 * `fast` turns durability off: for throw-away test clusters only.
 */
async function startPostgres({ dir, port, fast = false, log = () => {} }) {
  const bin = findPgBin() ?? installPostgres(log);
  fs.mkdirSync(dir, { recursive: true });
  if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  fs.chmodSync(dir, 0o700);
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    log(`initialising PostgreSQL cluster in ${dir}`);
    pgRun(bin, [
      'initdb',
      '-D',
      dir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-locale',
      '--no-instructions',
    ]);
  }
  const options = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    `-k ${dir}`,
    '-c max_connections=300',
    '-c shared_buffers=128MB',
    ...(fast ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'] : []),
  ].join(' ');
  pgRun(bin, ['pg_ctl', '-D', dir, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
  await waitForPort(port);
  return {
    url: `postgres://postgres@127.0.0.1:${port}`,
    port,
    stop: async () => {
      try {
        pgRun(bin, ['pg_ctl', '-D', dir, '-m', 'fast', '-w', 'stop']);
      } catch {
        /* already stopped */
      }
    },
  };
}

/**
 * Debian's PostgreSQL server, installed when no binaries are found: as root through apt-get
 * (reinstalled when dpkg lists a server whose binaries are gone), otherwise an error with the
 * command to run.
 */
function installPostgres(log) {
  const why = 'the database';
  const listed = installedPackages(/^postgresql-\d+$/);
  if (listed.length > 0) reinstallPackages(listed, { log, why });
  else ensurePackages(['postgresql'], { log, why });
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL was installed, but no server binaries are in /usr/lib/postgresql/*/bin');
  return bin;
}

// ---------- Redis ----------

/** Installs Debian's redis-server when missing and we may (root); otherwise says how. */
function ensureRedisInstalled(log = () => {}) {
  const found = which('redis-server');
  if (found) return found;
  ensurePackages(['redis-server'], { log, why: 'queues and the login throttle' });
  return which('redis-server');
}

/** Redis as the queues need it: noeviction (jobs are never dropped), AOF with fsync every second. */
async function startRedis({ dir, port, log = () => {} }) {
  const server = ensureRedisInstalled(log);
  fs.mkdirSync(dir, { recursive: true });
  const child = spawn(
    server,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--maxmemory-policy',
      'noeviction',
      '--save',
      '',
      '--daemonize',
      'no',
      '--logfile',
      path.join(dir, 'redis.log'),
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await waitForPort(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

// ---------- SMTP sink ----------

/**
 * maildev: an SMTP server that keeps every mail, with a web inbox and a REST API (/email). With
 * `mailDirectory` the mails are kept as files there and shown again after a restart.
 */
async function startMailSink({ smtpPort, webPort, projectRoot, mailDirectory }) {
  const bin = path.join(projectRoot, 'node_modules', 'maildev', 'bin', 'maildev');
  if (!fs.existsSync(bin)) throw new Error('maildev is not installed: run `npm install` first.');
  const child = spawn(
    process.execPath,
    [
      bin,
      '--smtp',
      String(smtpPort),
      '--web',
      String(webPort),
      '--ip',
      '127.0.0.1',
      '--web-ip',
      '127.0.0.1',
      '--silent',
      ...(mailDirectory ? ['--mail-directory', mailDirectory] : []),
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await Promise.all([waitForPort(smtpPort), waitForPort(webPort)]);
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    webUrl: `http://127.0.0.1:${webPort}`,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

module.exports = {
  freePort,
  waitForPort,
  startPostgres,
  startRedis,
  startMailSink,
  ensureRedisInstalled,
  findPgBin,
  isRoot,
};
