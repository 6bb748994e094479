// The web application's build, made only when its sources changed: a hash of every file it is
// built from is written beside the build (dist/web/.build-stamp), and a build whose stamp matches
// the sources is used as it is. `npm run build:web`, `npm run demo` and `npm test` all go through here,
// so none of them ever serves or tests a stale build.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..', '..');
const outDir = path.join(root, 'dist', 'web');
const stampFile = path.join(outDir, '.build-stamp');
/** What the app is built from: its own folder, the libs it imports, and the locked dependencies. */
const SOURCES = ['apps/web', 'libs/api-client/src', 'libs/web-links/src', 'package-lock.json'];

function filesOf(relative) {
  const full = path.join(root, relative);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [relative];
  return fs
    .readdirSync(full, { withFileTypes: true })
    .filter((entry) => entry.name !== 'node_modules')
    .flatMap((entry) => filesOf(path.join(relative, entry.name)));
}

/** A hash of every source file's path and content. */
function sourceHash() {
  const hash = crypto.createHash('sha256');
  for (const file of SOURCES.flatMap(filesOf).sort()) {
    hash.update(`${file.split(path.sep).join('/')}\0`);
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function isCurrent(hash) {
  return (
    fs.existsSync(path.join(outDir, 'index.html')) &&
    fs.existsSync(stampFile) &&
    fs.readFileSync(stampFile, 'utf8').trim() === hash
  );
}

/** Builds the app unless the build on disk was made from these very sources; returns what it did. */
function ensureWebBuild({ log = () => undefined, force = false } = {}) {
  const hash = sourceHash();
  if (!force && isCurrent(hash)) {
    log('web app: the build is current (dist/web)');
    return { built: false, seconds: 0 };
  }
  log('web app: building (apps/web changed)');
  const started = process.hrtime.bigint();
  const r = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'apps/web/build/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (r.status !== 0) throw new Error(`the web build failed (exit ${r.status})`);
  fs.writeFileSync(stampFile, `${hash}\n`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  log(`web app: built in ${seconds.toFixed(1)} s`);
  return { built: true, seconds };
}

module.exports = { ensureWebBuild, sourceHash, outDir };
