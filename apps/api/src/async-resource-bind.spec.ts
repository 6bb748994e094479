import { spawnSync } from 'node:child_process';
import { bindIsFixed, fixAsyncResourceBind, nativeBindHasOwnAccessors } from './async-resource-bind';

/**
 * Runs `body` in a fresh node (gc() exposed, the fix loaded from TypeScript) and answers the JSON
 * it prints. A fresh process because AsyncResource.prototype is process-wide: in a jest worker an
 * earlier test file may already have installed its own copy of the module.
 */
function inFreshNode<T>(body: string): T {
  const script = `const { AsyncResource, executionAsyncId, executionAsyncResource } = require('node:async_hooks');
const { fixAsyncResourceBind } = require('./apps/api/src/async-resource-bind.ts');
${body}`;
  const r = spawnSync(process.execPath, ['--expose-gc', '-r', '@swc-node/register', '-e', script], {
    cwd: process.cwd(),
    encoding: 'utf8',
    timeout: 30000,
  });
  if (r.status !== 0) throw new Error(`node exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim()) as T;
}

describe('AsyncResource#bind fix (what a dead bound function held dies young)', () => {
  it('is in place once installed, whichever copy of the module installed it, and installing again changes nothing', () => {
    const installed = fixAsyncResourceBind();
    // Node 20 (the platform's runtime) has the costly bind; on a Node without it nothing is replaced.
    if (installed) expect(bindIsFixed()).toBe(true);
    else expect(nativeBindHasOwnAccessors()).toBe(false);
    expect(fixAsyncResourceBind()).toBe(installed);
    expect(nativeBindHasOwnAccessors()).toBe(false);
  });

  it('no longer lets dead bound functions keep what they hold alive through young collections', () => {
    // 20,000 bound functions, each holding 2 KB and dropped at once, with a young collection after
    // every thousand: with Node 20's bind they are promoted to the old generation all the same.
    const measure = (fix: boolean): { installed: boolean; promotedMb: number } =>
      inFreshNode(`
const v8 = require('node:v8');
const installed = ${fix} ? fixAsyncResourceBind() : false;
const oldSpace = () => v8.getHeapSpaceStatistics().filter((s) => s.space_name === 'old_space' || s.space_name === 'map_space').reduce((a, s) => a + s.space_used_size, 0);
gc();
const before = oldSpace();
for (let round = 0; round < 20; round++) {
  for (let i = 0; i < 1000; i++) {
    const payload = 'x'.repeat(2000) + i + '/' + round;
    new AsyncResource('t').bind(() => payload.length)();
  }
  gc({ type: 'minor' });
}
gc({ type: 'minor' });
gc({ type: 'minor' });
console.log(JSON.stringify({ installed, promotedMb: (oldSpace() - before) / 1e6 }));`);
    const fixed = measure(true);
    expect(fixed.promotedMb).toBeLessThan(4);
    // Where the fix is needed, the native bind is what promoted them (about 27 MB on Node 20).
    if (fixed.installed) expect(measure(false).promotedMb).toBeGreaterThan(15);
  });

  it('behaves as Node’s bind: async scope, this, arguments, result, thisArg, length, errors, the deprecated property', () => {
    const seen = inFreshNode<Record<string, unknown>>(`
const warnings = [];
const emit = process.emitWarning;
process.emitWarning = (message, type, code) => { warnings.push(code); };
fixAsyncResourceBind();
const resource = new AsyncResource('test', { requireManualDestroy: true });
let inside;
const receiver = { name: 'receiver' };
const bound = resource.bind(function (...args) {
  inside = { sameId: executionAsyncId() === resource.asyncId(), sameResource: executionAsyncResource() === resource, self: this === receiver, args };
  return args.length;
});
const result = bound.call(receiver, 1, 'two');
const outsideId = executionAsyncId() !== resource.asyncId();

const add = function (a, b) { if (a < 0) throw new RangeError('negative'); return this.k + a + b; };
const withThis = resource.bind(add, { k: 7 });
let thrown = null; try { withThis(-1, 0); } catch (e) { thrown = e.constructor.name; }
let notAFunction = null; try { resource.bind(42); } catch (e) { notAFunction = e.constructor.name; }

const first = new AsyncResource('a', { requireManualDestroy: true });
const second = new AsyncResource('b', { requireManualDestroy: true });
const plain = first.bind(() => undefined);
const keys = Object.keys(plain);
const readFirst = plain.asyncResource === first;
plain.asyncResource = second;
const readSecond = plain.asyncResource === second;
const othersUntouched = new AsyncResource('c').bind(() => undefined).asyncResource !== second;
process.emitWarning = emit;
console.log(JSON.stringify({ inside, result, outsideId, thisArg: withThis.call({ k: 100 }, 1, 2), length: withThis.length,
  thrown, notAFunction, keys, readFirst, readSecond, othersUntouched, warnings: warnings.filter((c) => c === 'DEP0172').length }));`);
    expect(seen).toEqual({
      inside: { sameId: true, sameResource: true, self: true, args: [1, 'two'] },
      result: 2,
      outsideId: true,
      thisArg: 10,
      length: 2,
      thrown: 'RangeError',
      notAFunction: 'TypeError',
      keys: ['asyncResource'],
      readFirst: true,
      readSecond: true,
      othersUntouched: true,
      // Like Node's own deprecations: one warning per process, however often the property is used.
      warnings: 1,
    });
  });
});
