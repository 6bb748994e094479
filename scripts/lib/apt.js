// Installs Debian packages the platform's scripts need (Redis, Chromium, fonts) when they are
// missing. Plain CommonJS with no dependencies, like services.js, so it works before `npm install`.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Whether dpkg reports a package as installed. */
function isInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** The exact command a person without root rights runs to install the packages. */
function installCommand(packages) {
  return `sudo apt-get install -y ${packages.join(' ')}`;
}

/**
 * Installs the packages that are missing. As root it runs apt-get, waiting up to five minutes for
 * another apt or dpkg run to release its lock (a machine's first boot often holds it); otherwise
 * it throws an error that carries the command to run. Returns the packages it installed.
 */
function ensurePackages(packages, { log = () => {}, why = 'the platform' } = {}) {
  const missing = packages.filter((pkg) => !isInstalled(pkg));
  if (missing.length === 0) return [];
  if (!isRoot) {
    const error = new Error(`${missing.join(', ')} (for ${why}) not installed: run \`${installCommand(missing)}\``);
    error.installCommand = installCommand(missing);
    throw error;
  }
  log(`installing ${missing.join(', ')} with apt-get (for ${why}; one time)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  execFileSync('apt-get', [...lock, 'update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', [...lock, 'install', '-y', '-qq', '--no-install-recommends', ...missing], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  return missing;
}

module.exports = { ensurePackages, isInstalled, installCommand, isRoot };
