#!/usr/bin/env node
// `npm run restore -- FILE`: restores a `npm run backup` dump into the database named by
// DATABASE_URL, which must exist and be empty (a fresh `createdb`): restoring over live data is
// refused rather than merged. One transaction: a failed restore leaves the database empty.
// Afterwards run `npm run audit:verify`, `npm run attachments:verify` and
// `npm run submissions:verify` against the same DATABASE_URL.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const { databaseUrl, pgTool, redact } = require('./lib/backup-tools');

function main() {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!file || !fs.existsSync(file)) {
    console.error('usage: npm run restore -- FILE   (DATABASE_URL names an empty database)');
    return 2;
  }
  const url = databaseUrl();
  const psql = spawnSync(
    pgTool('psql'),
    [
      '--no-psqlrc',
      '--tuples-only',
      '--no-align',
      '--dbname',
      url,
      '--command',
      "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
    ],
    { encoding: 'utf8' },
  );
  if (psql.status !== 0) {
    console.error(`[restore] cannot reach ${redact(url)}: ${psql.stderr.trim()}`);
    return 1;
  }
  if (Number(psql.stdout.trim()) > 0) {
    console.error(
      `[restore] ${redact(url)} already has ${psql.stdout.trim()} table(s): restore into a new, empty database`,
    );
    return 1;
  }
  const r = spawnSync(
    pgTool('pg_restore'),
    ['--no-owner', '--no-acl', '--exit-on-error', '--single-transaction', '--dbname', url, file],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (r.status !== 0) {
    console.error(`[restore] pg_restore into ${redact(url)} failed (exit ${r.status})`);
    return 1;
  }
  console.log(
    `[restore] ${file} → ${redact(url)}; now run audit:verify, attachments:verify and submissions:verify against it`,
  );
  return 0;
}

process.exit(main());
