import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * Our request schemas are JSON Schema (validated by Ajv); the OpenAPI 3.0 document wants
 * `nullable: true` instead of `type: [x, "null"]`. One conversion, so one schema serves both.
 */
export function openApiSchema(schema: object): SchemaObject {
  return convert(schema) as SchemaObject;
}

function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert).filter((v) => v !== null);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type' && Array.isArray(value)) {
      const types = value.filter((t) => t !== 'null');
      out.type = types[0];
      if (types.length < value.length) out.nullable = true;
    } else {
      out[key] = convert(value);
    }
  }
  return out;
}
