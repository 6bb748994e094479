// Installs Debian packages the platform's scripts need (PostgreSQL, Redis, Chromium, fonts) when
// they are missing. Plain CommonJS with no dependencies, like services.js, so it works before
// `npm install`.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The packages dpkg reports as installed whose names match `pattern`. */
function installedPackages(pattern) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\n'], { encoding: 'utf8' });
  if (r.status !== 0) return [];
  return r.stdout
    .split('\n')
    .filter((line) => line.endsWith('install ok installed'))
    .map((line) => line.split(' ')[0])
    .filter((name) => pattern.test(name));
}

function isInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/**
 * Runs apt-get install as root, waiting up to five minutes for another apt or dpkg run to release
 * its lock (a machine's first boot often holds it); otherwise throws an error that carries the
 * exact command to run.
 */
function aptInstall(packages, { log, why, reinstall }) {
  const flags = reinstall ? ['--reinstall'] : [];
  const command = `sudo apt-get install -y ${[...flags, ...packages].join(' ')}`;
  if (!isRoot) {
    const error = new Error(`${packages.join(', ')} (for ${why}) not installed: run \`${command}\``);
    error.installCommand = command;
    throw error;
  }
  log(`${reinstall ? 'reinstalling' : 'installing'} ${packages.join(', ')} with apt-get (for ${why}; one time)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  execFileSync('apt-get', [...lock, 'update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', [...lock, 'install', '-y', '-qq', '--no-install-recommends', ...flags, ...packages], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
}

/** Installs the packages that are missing; returns those it installed. */
function ensurePackages(packages, { log = () => {}, why = 'the platform' } = {}) {
  const missing = packages.filter((pkg) => !isInstalled(pkg));
  if (missing.length > 0) aptInstall(missing, { log, why, reinstall: false });
  return missing;
}

/** Installs packages again, for when dpkg lists them but their files are gone. */
function reinstallPackages(packages, { log = () => {}, why = 'the platform' } = {}) {
  aptInstall(packages, { log, why, reinstall: true });
}

module.exports = { ensurePackages, reinstallPackages, installedPackages, isInstalled, isRoot };
