#!/usr/bin/env node
// `npm run bench` / `npm run bench:smoke`: runs every bench/*.bench.ts and prints one table of
// our figures against baselines measured in the same run. Exit code 0 unless a benchmark crashes:
// a missed target says FAIL in the table but does not fail the command (timings are too noisy
// on shared machines to gate CI on). `--smoke` runs the same code at tiny sizes.
// Extra arguments filter benchmark files by name: `npm run bench -- http-adapter`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function main() {
  if (!fs.existsSync(path.join(root, 'node_modules', '@swc-node', 'register'))) {
    console.error('[bench] dependencies are missing: run `npm install` first.');
    process.exit(1);
  }
  const args = process.argv.slice(2);
  const smoke = args.includes('--smoke');
  const only = args.filter((a) => !a.startsWith('--'));

  // swc-node reads tsconfig.json from the working directory (decorators, @mesecvi/* paths).
  process.chdir(root);
  require('@swc-node/register');
  require('reflect-metadata');
  const { runBenchmarks } = require(path.join(root, 'bench', 'harness', 'run-benchmarks.ts'));
  runBenchmarks({ smoke, only }).then(
    (code) => process.exit(code),
    (e) => {
      console.error('[bench]', e);
      process.exit(1);
    },
  );
}

main();
