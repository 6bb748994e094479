import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { TSchema } from '@sinclair/typebox';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * A TypeBox schema as an OpenAPI 3.1 Schema Object, for a request body (`@ApiBody`) or a response
 * (`@ApiOkResponse({ schema })`): the document's dialect is JSON Schema 2020-12, so one schema
 * serves both as it is (`type: [x, "null"]` included). Taking only a TSchema keeps a hand-written
 * object out; TypeBox's symbol keys never reach the JSON.
 */
export function openApiSchema(schema: TSchema): SchemaObject {
  return schema;
}

/**
 * A response whose body is a file in the given media type (CSV, a workbook, an uploaded
 * evidence file): described as binary, which the contract check leaves to the file's readers.
 */
export function fileResponse(
  mediaType: string,
  description: string,
): { description: string; content: Record<string, { schema: SchemaObject }> } {
  return { description, content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } } };
}

/**
 * Documents a route's query parameters from the schema its `AjvQueryPipe` validates with, one
 * `ApiQuery` per property (its description, default and bounds included), so the document and the
 * validator cannot disagree.
 */
export function ApiQueryFrom(schema: TSchema): MethodDecorator {
  const properties = (schema.properties ?? {}) as Record<string, SchemaObject>;
  const required = new Set<string>((schema.required as string[] | undefined) ?? []);
  return applyDecorators(
    ...Object.entries(properties).map(([name, property]) =>
      ApiQuery({ name, required: required.has(name), description: property.description, schema: property }),
    ),
  );
}
