#!/usr/bin/env node
// Where a server spent its CPU: self time of a V8 .cpuprofile (e.g. from
// BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=.data/bench-prof" npm run bench -- submissions)
// summed per package and per function, plus the inclusive time of functions matching a pattern.
//   node scripts/cpu-profile-summary.js <file.cpuprofile> [top=30] [inclusive-pattern]
'use strict';
const fs = require('node:fs');

const [file, topArg, pattern] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/cpu-profile-summary.js <file.cpuprofile> [top=30] [inclusive-pattern]');
  process.exit(2);
}
const top = Number(topArg ?? 30);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const self = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  self.set(id, (self.get(id) ?? 0) + dt);
  total += dt;
});

const packageOf = (url) => {
  if (!url) return '(native/vm)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return url.split('/')[0];
  if (url.includes('/dist/apps/')) return '(app bundle)';
  return url.replace(/^file:\/\//, '').replace(process.cwd() + '/', '');
};
const labelOf = (n) =>
  `${n.callFrame.functionName || '(anonymous)'} ${packageOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;

const perPackage = new Map();
const perFunction = new Map();
const inclusive = new Map();
for (const [id, t] of self) {
  const n = nodes.get(id);
  perPackage.set(packageOf(n.callFrame.url), (perPackage.get(packageOf(n.callFrame.url)) ?? 0) + t);
  perFunction.set(labelOf(n), (perFunction.get(labelOf(n)) ?? 0) + t);
  if (pattern) {
    const seen = new Set();
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const label = labelOf(nodes.get(x));
      if (!seen.has(label) && new RegExp(pattern).test(label)) inclusive.set(label, (inclusive.get(label) ?? 0) + t);
      seen.add(label);
    }
  }
}

const show = (title, map) => {
  console.log(`\n== ${title} (profile ${(total / 1e6).toFixed(1)} s)`);
  for (const [k, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${(t / 1000).toFixed(0).padStart(7)} ms  ${k}`);
};
show('self time per package', perPackage);
show('self time per function', perFunction);
if (pattern) show(`inclusive time of functions matching /${pattern}/`, inclusive);
