import { Injectable, type PipeTransform } from '@nestjs/common';
import Ajv, { type ErrorObject, type JSONSchemaType, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { DomainError, type FieldProblem } from '@mesecvi/errors';

const ajv = new Ajv({ allErrors: true, strict: true, removeAdditional: false, useDefaults: true });
addFormats(ajv);

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

  constructor(schema: JSONSchemaType<T> | object) {
    this.validate = ajv.compile<T>(schema);
  }

  transform(value: unknown): T {
    if (this.validate(value)) return value;
    const errors = (this.validate.errors ?? []).map(toFieldProblem);
    throw new DomainError('validation_failed', 'The request body is not valid.', { errors });
  }
}
