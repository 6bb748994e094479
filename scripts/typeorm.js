#!/usr/bin/env node
// `npm run migration:generate -- Name` | `migration:run` | `migration:revert`, on DATABASE_URL.
// Without DATABASE_URL it uses the demo's database (start `npm run demo` once first).
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

const root = path.resolve(__dirname, '..');
const [command, name] = process.argv.slice(2);
const envFile = path.join(root, '.data', 'demo', 'env.json');
if (!process.env.DATABASE_URL && fs.existsSync(envFile)) {
  process.env.DATABASE_URL = JSON.parse(fs.readFileSync(envFile, 'utf8')).DATABASE_URL;
}
if (!process.env.DATABASE_URL) {
  console.error(
    'Configuration error: DATABASE_URL is required (or run `npm run demo` once to create the demo database)',
  );
  process.exit(1);
}
const node = [process.execPath, '-r', '@swc-node/register'];
const cli = path.join(root, 'node_modules', 'typeorm', 'cli.js');
let args;
if (command === 'migration:run') args = [...node, path.join(root, 'scripts', 'migrate.ts')];
else if (command === 'migration:revert') args = [...node, cli, 'migration:revert', '-d', 'scripts/data-source.ts'];
else if (command === 'migration:generate') {
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error('usage: npm run migration:generate -- PascalName');
    process.exit(1);
  }
  args = [
    ...node,
    cli,
    'migration:generate',
    '-d',
    'scripts/data-source.ts',
    '--pretty',
    `libs/database/src/migrations/${name}`,
  ];
} else {
  console.error('usage: node scripts/typeorm.js migration:generate Name | migration:run | migration:revert');
  process.exit(1);
}
const r = spawnSync(args[0], args.slice(1), { cwd: root, stdio: 'inherit', env: process.env });
if (command === 'migration:generate' && r.status === 0) {
  console.log('Now add the new class to libs/database/src/migrations/index.ts (a test checks it).');
}
process.exit(r.status ?? 1);
