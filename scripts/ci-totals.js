#!/usr/bin/env node
// Prints the totals of a CI run as `N passed, N failed`: jest's tests from one or more --json
// result files, plus one item per line of a `--checks FILE` (`name pass|fail seconds`, written
// by .ci/run for lint, typecheck…). Exits 1 when a file is missing, something failed or no test
// ran: a run that executed nothing is not green.
'use strict';
const fs = require('node:fs');

let passed = 0;
let failed = 0;
let testsRun = 0;
let ok = true;
const args = process.argv.slice(2);
const checksAt = args.indexOf('--checks');
const checksFile = checksAt >= 0 ? args.splice(checksAt, 2)[1] : undefined;

if (checksFile !== undefined) {
  const lines = fs.existsSync(checksFile) ? fs.readFileSync(checksFile, 'utf8').trim().split('\n') : [];
  for (const line of lines.filter(Boolean)) {
    const [name, result, seconds] = line.split(' ');
    console.log(`check ${name}: ${result} (${seconds} s)`);
    if (result === 'pass') passed += 1;
    else failed += 1;
  }
}
for (const file of args) {
  if (!fs.existsSync(file)) {
    console.error(`no jest results at ${file}`);
    ok = false;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  testsRun += r.numPassedTests + r.numFailedTests;
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
}
console.log(`${passed} passed, ${failed} failed`);
if (testsRun === 0 || failed > 0) ok = false;
process.exit(ok ? 0 : 1);
