import { DomainError } from '@mesecvi/errors';

/** Limits an answers document must respect before it is validated at all (configurable). */
export interface DocumentLimits {
  maxBytes: number;
  maxDepth: number;
  maxArrayItems: number;
}

/** Keys that could reach an object's prototype in careless code: refused anywhere in a document. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const escape = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Refuses documents that are too deep, have too long arrays, carry prototype-like keys or are
 * too large — cheaply, iteratively (no recursion a hostile document could overflow), and before
 * Ajv or the canonicaliser sees them. Returns the document's size in bytes.
 */
export function checkDocumentShape(document: unknown, limits: DocumentLimits, what = 'The answers'): number {
  if (!isPlainObject(document)) {
    throw new DomainError('validation_failed', `${what} must be a JSON object keyed by question id.`, { errors: [{ pointer: '', keyword: 'type', message: 'must be an object' }] });
  }
  const stack: Array<[unknown, number, string]> = [[document, 1, '']];
  while (stack.length > 0) {
    const [node, depth, pointer] = stack.pop() as [unknown, number, string];
    if (typeof node !== 'object' || node === null) continue;
    if (depth > limits.maxDepth) {
      throw new DomainError('validation_failed', `${what} are nested deeper than ${limits.maxDepth} levels.`, {
        errors: [{ pointer, keyword: 'maxDepth', message: `nesting deeper than ${limits.maxDepth} levels is not accepted` }],
      });
    }
    if (Array.isArray(node)) {
      if (node.length > limits.maxArrayItems) {
        throw new DomainError('validation_failed', `A list in ${what.toLowerCase()} has more than ${limits.maxArrayItems} entries.`, {
          errors: [{ pointer, keyword: 'maxItems', message: `more than ${limits.maxArrayItems} entries are not accepted` }],
        });
      }
      node.forEach((child, i) => stack.push([child, depth + 1, `${pointer}/${i}`]));
      continue;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) {
        throw new DomainError('bad_request', `Keys named "__proto__", "constructor" or "prototype" are not accepted.`, {
          errors: [{ pointer: `${pointer}/${escape(key)}`, keyword: 'forbiddenKey', message: `the key "${key}" is not accepted` }],
        });
      }
      stack.push([(node as Record<string, unknown>)[key], depth + 1, `${pointer}/${escape(key)}`]);
    }
  }
  const bytes = Buffer.byteLength(JSON.stringify(document), 'utf8');
  if (bytes > limits.maxBytes) {
    throw new DomainError('payload_too_large', `${what} take ${bytes} bytes; at most ${limits.maxBytes} are accepted.`, { extensions: { limitBytes: limits.maxBytes } });
  }
  return bytes;
}
