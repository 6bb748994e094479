#!/usr/bin/env node
// `npm run api-client`: writes the OpenAPI document the api serves in test mode to
// libs/api-client/openapi.json (through the test that checks it, with its throw-away services),
// then the TypeScript types of that file to libs/api-client/src/schema.ts. Commit both.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const run = (args, env = process.env) => {
  const r = spawnSync(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

run(['scripts/test.js', 'tests/e2e/openapi-document.e2e-spec.ts', '-t', 'is committed as'], {
  ...process.env,
  API_CLIENT_WRITE: '1',
});
run(['-r', '@swc-node/register', 'scripts/api-client-types.ts']);
