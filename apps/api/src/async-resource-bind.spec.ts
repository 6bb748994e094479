import { spawnSync } from 'node:child_process';
import { AsyncResource, executionAsyncId, executionAsyncResource } from 'node:async_hooks';
import { fixAsyncResourceBind, nativeBindHasOwnAccessors } from './async-resource-bind';

/** Runs `body` in a fresh node with `gc()` exposed and the fix loaded from TypeScript; answers what it printed. */
function inFreshNode(body: string): string {
  const script = `const { AsyncResource } = require('node:async_hooks');
const { fixAsyncResourceBind } = require('./apps/api/src/async-resource-bind.ts');
${body}`;
  const r = spawnSync(process.execPath, ['--expose-gc', '-r', '@swc-node/register', '-e', script], { cwd: process.cwd(), encoding: 'utf8', timeout: 30000 });
  if (r.status !== 0) throw new Error(`node exited ${r.status}: ${r.stderr}`);
  return r.stdout.trim();
}

describe('AsyncResource#bind fix (what a dead bound function held dies young)', () => {
  const native = AsyncResource.prototype.bind;
  let installed: boolean;

  beforeAll(() => {
    installed = fixAsyncResourceBind();
  });

  it('is installed on this Node, whose own bind gives each bound function accessors of its own', () => {
    // Node 20 (the platform's runtime) has the costly bind; a Node without it needs no fix.
    if (installed) expect(AsyncResource.prototype.bind).not.toBe(native);
    else expect(nativeBindHasOwnAccessors()).toBe(false);
    expect(fixAsyncResourceBind()).toBe(installed); // idempotent
  });

  it('no longer lets dead bound functions keep what they hold alive through young collections', () => {
    // 20,000 bound functions, each holding 2 KB and dropped at once, with a young collection after
    // every thousand: with Node 20's bind they are promoted to the old generation all the same.
    const measure = (fix: boolean): { installed: boolean; promotedMb: number } =>
      JSON.parse(
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
console.log(JSON.stringify({ installed, promotedMb: (oldSpace() - before) / 1e6 }));`),
      ) as { installed: boolean; promotedMb: number };
    const fixed = measure(true);
    expect(fixed.promotedMb).toBeLessThan(4);
    // Where the fix is needed, the native bind is what promoted them (about 27 MB on Node 20).
    if (fixed.installed) expect(measure(false).promotedMb).toBeGreaterThan(15);
  });

  it('runs the function in the resource’s async scope with its this, arguments and result', () => {
    const resource = new AsyncResource('test', { requireManualDestroy: true });
    const seen: Array<{ id: number; resource: object; self: unknown; args: unknown[] }> = [];
    const bound = resource.bind(function (this: unknown, ...args: unknown[]) {
      seen.push({ id: executionAsyncId(), resource: executionAsyncResource(), self: this, args });
      return args.length;
    });
    const receiver = { name: 'receiver' };
    expect(bound.call(receiver, 1, 'two')).toBe(2);
    expect(seen).toEqual([{ id: resource.asyncId(), resource, self: receiver, args: [1, 'two'] }]);
    expect(executionAsyncId()).not.toBe(resource.asyncId());
  });

  it('with thisArg fixes `this`, keeps the length, and throws inside as it would outside', () => {
    const resource = new AsyncResource('test', { requireManualDestroy: true });
    const self = { k: 7 };
    const add = function (this: { k: number }, a: number, b: number): number {
      if (a < 0) throw new RangeError('negative');
      return this.k + a + b;
    };
    // @types/node types bind without thisArg; Node has taken one since 14.8 (and Fastify passes none).
    const bound = (resource.bind as (fn: typeof add, thisArg: unknown) => (a: number, b: number) => number)(add, self);
    expect(bound.call({ k: 100 }, 1, 2)).toBe(10);
    expect(bound.length).toBe(2);
    expect(() => bound(-1, 0)).toThrow(RangeError);
    expect(() => resource.bind(42 as unknown as () => void)).toThrow(TypeError);
  });

  it('keeps the deprecated asyncResource property (enumerable, readable, settable) with one DEP0172 warning', () => {
    const emitWarning = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const first = new AsyncResource('a', { requireManualDestroy: true });
      const second = new AsyncResource('b', { requireManualDestroy: true });
      const bound = first.bind(() => undefined) as (() => void) & { asyncResource: AsyncResource };
      expect(Object.keys(bound)).toEqual(['asyncResource']);
      expect(bound.asyncResource).toBe(first);
      bound.asyncResource = second;
      expect(bound.asyncResource).toBe(second);
      expect((new AsyncResource('c').bind(() => undefined) as unknown as { asyncResource: AsyncResource }).asyncResource).not.toBe(second);
      // Like Node's own deprecations: one warning per process, however often the property is used.
      if (installed) expect(emitWarning.mock.calls.filter((c) => c.includes('DEP0172'))).toHaveLength(1);
    } finally {
      emitWarning.mockRestore();
    }
  });
});
