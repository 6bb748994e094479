/** A JSON Schema object node (booleans are schemas too, but carry no keywords to rewrite). */
export type SchemaObject = Record<string, unknown>;

export function isSchemaObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
