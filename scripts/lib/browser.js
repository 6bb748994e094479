// Finds (and, as root, installs) the Chromium the browser tests drive: Debian's package, since a
// test tool's own browser download cannot reach its servers from here. Plain CommonJS.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const { ensurePackages } = require('./apt');

const DEFAULT_PATH = '/usr/bin/chromium';
// fonts-noto-core: the accents of French, Spanish and Portuguese and other scripts render as text.
const PACKAGES = ['chromium', 'fonts-noto-core'];

/**
 * The Chromium to drive: `CHROMIUM_PATH` or Debian's, installed with its fonts when missing and
 * we are root. Returns `{ path, version }`, or throws with the command to run.
 */
function ensureChromium({ log = () => {} } = {}) {
  const given = process.env.CHROMIUM_PATH;
  if (given) {
    if (!fs.existsSync(given)) throw new Error(`CHROMIUM_PATH=${given} does not exist`);
  } else {
    ensurePackages(PACKAGES, { log, why: 'the browser tests' });
  }
  const path = given || DEFAULT_PATH;
  const r = spawnSync(path, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${path} --version failed: ${r.stderr || r.stdout}`);
  return { path, version: r.stdout.trim() };
}

module.exports = { ensureChromium };
