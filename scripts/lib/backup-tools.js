// Shared by scripts/backup.js and scripts/restore.js: the database URL (DATABASE_URL, else the
// demo's), PostgreSQL client binaries, and URLs with their password masked for messages.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { findPgBin } = require('./services');

function databaseUrl() {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const envFile = path.join(__dirname, '..', '..', '.data', 'demo', 'env.json');
  if (fs.existsSync(envFile)) {
    const url = JSON.parse(fs.readFileSync(envFile, 'utf8')).DATABASE_URL;
    if (url) return url;
  }
  console.error(
    'Configuration error: DATABASE_URL is required (or run `npm run demo` once to create the demo database)',
  );
  process.exit(2);
}

/** pg_dump/pg_restore/psql of the server's major version (PG_BIN, else /usr/lib/postgresql/15/bin), else from PATH. */
function pgTool(name) {
  const bin = findPgBin();
  const candidate = bin ? path.join(bin, name) : null;
  return candidate && fs.existsSync(candidate) ? candidate : name;
}

function redact(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<database url>';
  }
}

module.exports = { databaseUrl, pgTool, redact };
