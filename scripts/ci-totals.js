#!/usr/bin/env node
// Prints jest's totals from one or more --json result files as `N passed, N failed`.
// Exits 1 when a file is missing or no test ran: a run that executed nothing is not green.
'use strict';
const fs = require('node:fs');

let passed = 0;
let failed = 0;
let ok = true;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.error(`no jest results at ${file}`);
    ok = false;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
}
console.log(`${passed} passed, ${failed} failed`);
if (passed + failed === 0 || failed > 0) ok = false;
process.exit(ok ? 0 : 1);
