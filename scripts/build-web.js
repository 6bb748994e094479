#!/usr/bin/env node
// `npm run build:web`: builds the web application into dist/web (skipped when the build there
// was made from the same sources; `--force` builds anyway).
'use strict';
const { ensureWebBuild } = require('./lib/web-build');

try {
  ensureWebBuild({ log: (msg) => console.log(`[build] ${msg}`), force: process.argv.includes('--force') });
} catch (e) {
  console.error(`[build] ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
