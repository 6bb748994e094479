import { Injectable, type PipeTransform } from '@nestjs/common';
import Ajv, { type ErrorObject, type JSONSchemaType, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { DomainError, type FieldProblem } from '@mesecvi/errors';

const ajv = new Ajv({
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  removeAdditional: false,
  useDefaults: true,
});
addFormats(ajv);
// Query strings arrive as text: numbers and booleans are coerced, everything else is as strict.
const queryAjv = new Ajv({
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  coerceTypes: true,
  useDefaults: true,
});
addFormats(queryAjv);
// `example` documents a field in OpenAPI; Ajv's strict mode must know it is harmless.
for (const instance of [ajv, queryAjv])
  instance.addKeyword({ keyword: 'example', schemaType: ['string', 'number', 'boolean', 'object', 'array', 'null'] });

/** Turns an Ajv error into a pointer at the offending field and a plain-English sentence. */
export function toFieldProblem(e: ErrorObject): FieldProblem {
  if (e.keyword === 'required') {
    const missing = String((e.params as { missingProperty: string }).missingProperty);
    return { pointer: `${e.instancePath}/${missing}`, keyword: e.keyword, message: `${missing} is required` };
  }
  if (e.keyword === 'additionalProperties') {
    const extra = String((e.params as { additionalProperty: string }).additionalProperty);
    return { pointer: `${e.instancePath}/${extra}`, keyword: e.keyword, message: `${extra} is not a known field` };
  }
  return { pointer: e.instancePath || '/', keyword: e.keyword, message: e.message ?? 'is invalid' };
}

/** Validates a request body against a JSON Schema compiled once; failures answer 422. */
@Injectable()
export class AjvBodyPipe<T> implements PipeTransform<unknown, T> {
  private readonly validate: ValidateFunction<T>;

  constructor(
    schema: JSONSchemaType<T> | object,
    private readonly source: 'body' | 'query' = 'body',
  ) {
    this.validate = (source === 'query' ? queryAjv : ajv).compile<T>(schema);
  }

  transform(value: unknown): T {
    const candidate = this.source === 'query' ? { ...(value as object) } : value;
    if (this.validate(candidate)) return candidate;
    const errors = (this.validate.errors ?? []).map(toFieldProblem);
    throw new DomainError(
      'validation_failed',
      `The request ${this.source === 'query' ? 'parameters are' : 'body is'} not valid.`,
      { errors },
    );
  }
}

/** Validates query parameters (coercing numbers) against a JSON Schema; failures answer 422. */
export class AjvQueryPipe<T> extends AjvBodyPipe<T> {
  constructor(schema: JSONSchemaType<T> | object) {
    super(schema, 'query');
  }
}
