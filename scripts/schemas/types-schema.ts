import { transformSchema, type SchemaObject } from '@mesecvi/questionnaires';

/**
 * What json-schema-to-typescript is given: the bundled schema minus what it would misread.
 * An `anyOf` carrying `x-explain` is a cross-field rule (a "yes" needs a citation), not a shape:
 * the generator would turn the object into that union and drop its properties. Keywords beside
 * a `$ref` (annotations) would make it emit a copy of the referenced type per item.
 */
export function transformSchemaForTypes(schema: SchemaObject): SchemaObject {
  return transformSchema(schema, (node) => {
    if (typeof node.$ref === 'string') return { $ref: node.$ref };
    const out: SchemaObject = {};
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-') || (key === 'anyOf' && node['x-explain'] !== undefined)) continue;
      out[key] = value;
    }
    return out;
  }) as SchemaObject;
}
