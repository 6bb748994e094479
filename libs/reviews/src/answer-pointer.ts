import type { SchemaObject } from '@mesecvi/questionnaires';

const isObject = (v: unknown): v is SchemaObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 6901 segments of a pointer ("" is the whole document, refused as an anchor). */
export function pointerSegments(pointer: string): string[] | null {
  if (!pointer.startsWith('/') || pointer.length > 512) return null;
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Does `pointer` name a place an answer can have under the questionnaire's schema? The first
 * segment is an item id; the rest follow `properties`, array `items` (numeric indexes), local
 * `$ref`s and the branches of `oneOf`/`anyOf`/`allOf`.
 */
export function pointerInSchema(root: SchemaObject, pointer: string): boolean {
  const segments = pointerSegments(pointer);
  if (!segments || segments.length === 0 || segments[0] === '') return false;
  return walk(root, root, segments, 0);
}

function resolve(root: SchemaObject, schema: SchemaObject, depth: number): SchemaObject | null {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  if (depth > 16 || !ref.startsWith('#/')) return null;
  let at: unknown = root;
  for (const part of ref.slice(2).split('/'))
    at = isObject(at) ? at[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return isObject(at) ? resolve(root, at, depth + 1) : null;
}

function walk(root: SchemaObject, node: SchemaObject, segments: string[], depth: number): boolean {
  if (depth > 64) return false;
  const schema = resolve(root, node, 0);
  if (!schema) return false;
  if (segments.length === 0) return true;
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    const branches = schema[key];
    if (Array.isArray(branches) && branches.some((b) => isObject(b) && walk(root, b, segments, depth + 1))) return true;
  }
  const [head, ...rest] = segments;
  const properties = schema.properties;
  if (isObject(properties) && isObject(properties[head])) return walk(root, properties[head], rest, depth + 1);
  const items = schema.items;
  if (/^(0|[1-9][0-9]{0,5})$/.test(head) && isObject(items)) return walk(root, items, rest, depth + 1);
  return false;
}
