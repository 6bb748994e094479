import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * A request schema (JSON Schema, validated by Ajv) as an OpenAPI 3.1 Schema Object: the document's
 * dialect is JSON Schema 2020-12, so one schema serves both as it is (`type: [x, "null"]`
 * included). @nestjs/swagger types Schema Objects the 3.0 way (`type` a single string); taking
 * any object here is what lets a schema with a type array through.
 */
export function openApiSchema(schema: object): SchemaObject {
  return schema;
}
