import { AsyncResource } from 'node:async_hooks';

/**
 * Fastify wraps the end of every request body in `AsyncResource#bind` (lib/content-type-parser.js).
 * On Node 20 that method gives each bound function its own `asyncResource` getter and setter,
 * two fresh `util.deprecate` wrappers (DEP0172) whose prototype it sets to a fresh function. V8
 * keeps accessors in the hidden class, so every request body got hidden classes of its own,
 * allocated in the old generation and pointing back into the request. Until the next full
 * collection those dead hidden classes kept every request's body alive through each young
 * collection: under a steady save load the whole request was promoted (about 40 MB/s for 28 KB
 * drafts), with a mark-compact about every second and up to twice the CPU per save. Node itself
 * later stopped the prototype change (nodejs/node#58218); this does what its `bind` does, with
 * one accessor pair shared by all bound functions, so they all keep one hidden class.
 */

const RESOURCE = Symbol('asyncResource');
/**
 * Marks our `bind` process-wide. AsyncResource.prototype is one object per process, while a
 * module can be loaded more than once (jest loads it once per test file): any copy counts.
 */
const FIXED = Symbol.for('mesecvi.asyncResourceBind');
const DEPRECATION = 'The asyncResource property on bound functions is deprecated';

type Bound = ((...args: unknown[]) => unknown) & { [RESOURCE]?: AsyncResource };

let warned = false;
function warnOnce(): void {
  if (warned) return;
  warned = true;
  process.emitWarning(DEPRECATION, 'DeprecationWarning', 'DEP0172');
}

/** Shared by every bound function: a per-function pair would give each its own hidden class again. */
const asyncResourceAccessor: PropertyDescriptor = {
  configurable: true,
  enumerable: true,
  get(this: Bound) {
    warnOnce();
    return this[RESOURCE];
  },
  set(this: Bound, value: AsyncResource) {
    warnOnce();
    Object.defineProperty(this, RESOURCE, { configurable: true, enumerable: false, writable: true, value });
  },
};

function bind(this: AsyncResource, fn: (...args: unknown[]) => unknown, thisArg?: unknown): Bound {
  if (typeof fn !== 'function')
    throw new TypeError(`The "fn" argument must be of type function. Received ${fn === null ? 'null' : typeof fn}`);
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the bound function has a `this` of its own
  const resource = this;
  const bound: Bound =
    thisArg === undefined
      ? function (this: unknown, ...args: unknown[]) {
          return resource.runInAsyncScope(fn, this, ...args);
        }
      : (resource.runInAsyncScope.bind(resource, fn, thisArg) as Bound);
  Object.defineProperty(bound, 'length', { configurable: true, enumerable: false, writable: false, value: fn.length });
  Object.defineProperty(bound, RESOURCE, { configurable: true, enumerable: false, writable: true, value: resource });
  Object.defineProperty(bound, 'asyncResource', asyncResourceAccessor);
  return bound;
}

/** Whether this Node's own `bind` gives each bound function accessors of its own (the costly kind). */
export function nativeBindHasOwnAccessors(): boolean {
  const probe = new AsyncResource('probe', { requireManualDestroy: true });
  const a = Object.getOwnPropertyDescriptor(
    probe.bind(() => undefined),
    'asyncResource',
  );
  const b = Object.getOwnPropertyDescriptor(
    probe.bind(() => undefined),
    'asyncResource',
  );
  return a?.get !== undefined && a.get !== b?.get;
}

/** Whether `AsyncResource#bind` is ours (installed by this module or another copy of it). */
export function bindIsFixed(): boolean {
  return (AsyncResource.prototype.bind as { [FIXED]?: true })[FIXED] === true;
}

/** Replaces `AsyncResource#bind` when Node's own is the costly kind; answers whether ours is in place. Idempotent. */
export function fixAsyncResourceBind(): boolean {
  if (bindIsFixed()) return true;
  if (!nativeBindHasOwnAccessors()) return false;
  Object.defineProperty(bind, FIXED, { value: true });
  Object.defineProperty(AsyncResource.prototype, 'bind', {
    configurable: true,
    enumerable: false,
    writable: true,
    value: bind,
  });
  return true;
}
