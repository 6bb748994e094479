#!/usr/bin/env node
// `npm run backup [-- --out FILE]`: a pg_dump of the platform's database in custom format.
// Everything the platform keeps is in PostgreSQL — submitted versions, evidence files
// (evidence_attachment_content), the audit chain, the outbox ledger; no file storage is
// configured, so there is nothing on disk to copy. Redis holds only queues, rebuilt from
// PostgreSQL. Uses DATABASE_URL, or the demo's database when it is unset; PostgreSQL's client
// binaries come from PG_BIN or /usr/lib/postgresql/<version>/bin (15 preferred).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { databaseUrl, pgTool, redact } = require('./lib/backup-tools');

function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const out = path.resolve(
    at >= 0 && args[at + 1] ? args[at + 1] : path.join(__dirname, '..', 'backups', `mesecvi-${stamp}.dump`),
  );
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const url = databaseUrl();
  // --no-owner/--no-acl: the dump restores under whichever role runs the restore.
  const r = spawnSync(
    pgTool('pg_dump'),
    ['--format=custom', '--compress=6', '--no-owner', '--no-acl', '--file', out, '--dbname', url],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (r.status !== 0) {
    console.error(`[backup] pg_dump of ${redact(url)} failed (exit ${r.status})`);
    fs.rmSync(out, { force: true });
    return 1;
  }
  console.log(
    `[backup] ${redact(url)} → ${out} (${fs.statSync(out).size} bytes, pg_dump custom format; evidence files included: they live in PostgreSQL)`,
  );
  return 0;
}

process.exit(main());
