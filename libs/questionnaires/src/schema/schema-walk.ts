import { escapePointerSegment as escape } from '../json-pointer';
import { isSchemaObject, type SchemaObject } from './json-schema';

// Keywords whose values are subschemas. Everything else (enum, const, examples, x-*) is data and
// is never walked, so a property *named* "required" or an enum value is never mistaken for a keyword.
const SINGLE = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames'];
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];

/** A pointer into the schema, e.g. `/properties/LEG-01/properties/rank`. */
export type SchemaPath = string;

/** Rebuilds a schema bottom-up, letting `visit` replace every schema object node. */
export function transformSchema(
  node: unknown,
  visit: (schema: SchemaObject, path: SchemaPath) => SchemaObject,
  path: SchemaPath = '',
): unknown {
  if (!isSchemaObject(node)) return node;
  const out: SchemaObject = { ...node };
  for (const key of SINGLE) {
    if (key in out) out[key] = transformSchema(out[key], visit, `${path}/${key}`);
  }
  for (const key of LIST) {
    const list = out[key];
    if (Array.isArray(list)) out[key] = list.map((s, i) => transformSchema(s, visit, `${path}/${key}/${i}`));
  }
  for (const key of MAP) {
    const map = out[key];
    if (isSchemaObject(map)) {
      out[key] = Object.fromEntries(
        Object.entries(map).map(([name, s]) => [name, transformSchema(s, visit, `${path}/${key}/${escape(name)}`)]),
      );
    }
  }
  return visit(out, path);
}

/** Calls `visit` for every schema object node (read-only walk). */
export function forEachSchema(node: unknown, visit: (schema: SchemaObject, path: SchemaPath) => void): void {
  transformSchema(node, (schema, path) => {
    visit(schema, path);
    return schema;
  });
}
