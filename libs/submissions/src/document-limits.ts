import { DomainError } from '@mesecvi/errors';
import { walkDocument } from './document-walk';

/** Limits an answers document must respect before it is validated at all (configurable). */
export interface DocumentLimits {
  maxBytes: number;
  maxDepth: number;
  maxArrayItems: number;
}

/** Keys that could reach an object's prototype in careless code: refused anywhere in a document. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Refuses documents that are too deep, have too long arrays, carry prototype-like keys or are
 * too large — cheaply, iteratively (no recursion a hostile document could overflow), and before
 * Ajv or the canonicaliser sees them. Returns the document's size in bytes.
 */
export function checkDocumentShape(document: unknown, limits: DocumentLimits, what = 'The answers'): number {
  return Buffer.byteLength(checkDocumentShapeJson(document, limits, what), 'utf8');
}

/** `checkDocumentShape`, returning the document's JSON text (measured for the size limit) for reuse, e.g. as the value written. */
export function checkDocumentShapeJson(document: unknown, limits: DocumentLimits, what = 'The answers'): string {
  checkTree(document, limits, what);
  return checkSize(JSON.stringify(document), limits, what);
}

function checkTree(document: unknown, limits: DocumentLimits, what: string): void {
  if (!isPlainObject(document)) {
    throw new DomainError('validation_failed', `${what} must be a JSON object keyed by question id.`, {
      errors: [{ pointer: '', keyword: 'type', message: 'must be an object' }],
    });
  }
  walkDocument(document, {
    container(node, place, depth, places) {
      if (depth > limits.maxDepth) {
        throw new DomainError('validation_failed', `${what} are nested deeper than ${limits.maxDepth} levels.`, {
          errors: [
            {
              pointer: places.pointer(place),
              keyword: 'maxDepth',
              message: `nesting deeper than ${limits.maxDepth} levels is not accepted`,
            },
          ],
        });
      }
      if (Array.isArray(node) && node.length > limits.maxArrayItems) {
        throw new DomainError(
          'validation_failed',
          `A list in ${what.toLowerCase()} has more than ${limits.maxArrayItems} entries.`,
          {
            errors: [
              {
                pointer: places.pointer(place),
                keyword: 'maxItems',
                message: `more than ${limits.maxArrayItems} entries are not accepted`,
              },
            ],
          },
        );
      }
    },
    entry(value, key, place, places) {
      if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
        throw new DomainError('bad_request', `Keys named "__proto__", "constructor" or "prototype" are not accepted.`, {
          errors: [
            {
              pointer: places.pointer(place, key),
              keyword: 'forbiddenKey',
              message: `the key "${key}" is not accepted`,
            },
          ],
        });
      }
      if (typeof value === 'number' && !Number.isFinite(value)) throw numberTooLarge(places.pointer(place, key));
    },
  });
}

/**
 * A number beyond a double's range (1e400) parses as Infinity, which JSON would write back as
 * null: refused, so what is validated is what is stored.
 */
function numberTooLarge(pointer: string): DomainError {
  return new DomainError('validation_failed', 'A number in the answers is too large.', {
    errors: [{ pointer, keyword: 'maximum', message: 'this number is too large to be stored' }],
  });
}

function checkSize(json: string, limits: DocumentLimits, what: string): string {
  // A UTF-16 code unit takes one to three bytes in UTF-8: only a text near the limit is measured.
  if (json.length * 3 <= limits.maxBytes) return json;
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > limits.maxBytes) {
    throw new DomainError(
      'payload_too_large',
      `${what} take ${bytes} bytes; at most ${limits.maxBytes} are accepted.`,
      { extensions: { limitBytes: limits.maxBytes } },
    );
  }
  return json;
}
