import type { SchemaObject } from './json-schema';
import { transformSchema } from './schema-walk';

/**
 * Keywords a draft may leave unsatisfied: what is missing or too short.
 * Everything that says an entered value is wrong (types, formats, enums, maxima, maxItems,
 * maxLength, patterns, additionalProperties: false) stays.
 */
export const LENIENT_DROPPED_KEYWORDS = [
  'required',
  'dependentRequired',
  'minItems',
  'minLength',
  'minProperties',
  'minContains',
] as const;

/**
 * The draft variant of a schema: the same schema with those keywords removed at every depth
 * (inside anyOf branches and if/then too). Questionnaires use no oneOf, because removing
 * `required` from its branches could let a draft match two of them and fail.
 */
export function lenientSchema(schema: SchemaObject): SchemaObject {
  return transformSchema(schema, (node) => {
    const out = { ...node };
    for (const keyword of LENIENT_DROPPED_KEYWORDS) delete out[keyword];
    return out;
  }) as SchemaObject;
}
