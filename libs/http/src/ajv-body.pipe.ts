import { Injectable, type PipeTransform } from '@nestjs/common';
import type { Static, TSchema } from '@sinclair/typebox';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { DomainError, localise, type FieldProblem, type LocalisedText, type Messages } from '@mesecvi/errors';
import { keywordText, REQUEST_INVALID_MESSAGES } from './keyword-messages';

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

/** The pointer an Ajv error names and the member it is about (`required` names the missing one). */
function whereOf(e: ErrorObject): { pointer: string; field: string } {
  const params = e.params as { missingProperty?: string; additionalProperty?: string };
  const member =
    e.keyword === 'required'
      ? params.missingProperty
      : e.keyword === 'additionalProperties'
        ? params.additionalProperty
        : undefined;
  if (member !== undefined) return { pointer: `${e.instancePath}/${member}`, field: member };
  const pointer = e.instancePath || '/';
  return { pointer, field: pointer.split('/').pop() || '/' };
}

/** An Ajv error as a pointer at the offending field, its message in every language beside it. */
export function toLocalisedFieldProblem(e: ErrorObject): { problem: FieldProblem; text: LocalisedText } {
  const { pointer, field } = whereOf(e);
  const text = keywordText(e, field);
  return { problem: { pointer, keyword: e.keyword, message: localise(text, 'en') }, text };
}

/** An Ajv error as a pointer at the offending field and an English sentence. */
export function toFieldProblem(e: ErrorObject): FieldProblem {
  return toLocalisedFieldProblem(e).problem;
}

/** A 422 for Ajv's verdict, each field message (and the detail) kept in every language. */
function invalidRequest(errors: readonly ErrorObject[], detail: Messages): DomainError {
  const fields = errors.map(toLocalisedFieldProblem);
  return new DomainError('validation_failed', detail.en, {
    errors: fields.map((f) => f.problem),
    texts: { detail: { messages: detail }, errors: fields.map((f) => f.text) },
  });
}

/**
 * Ajv coerces `Infinity` and `1e309` to Infinity, which then passes `maximum`; no query parameter
 * means an infinite number, so one that coerced to it is refused, named like any other.
 */
function notFinite(query: object): FieldProblem[] {
  return Object.entries(query)
    .filter(([, v]) => typeof v === 'number' && !Number.isFinite(v))
    .map(([name]) => ({ pointer: `/${name}`, keyword: 'type', message: 'must be a finite number' }));
}

/** What a compiled query validator answers: the coerced query, or one problem per failed check. */
export type QueryCheck<T> = (value: unknown) => { query: T; errors?: never } | { errors: FieldProblem[] };

/**
 * A query-string validator compiled once: values arrive as text and numbers and booleans are
 * coerced. The schema is a TypeBox schema, so the query's type is the schema's `Static` type.
 */
export function compileQuery<S extends TSchema>(schema: S): QueryCheck<Static<S>> {
  type T = Static<S>;
  const validate = queryAjv.compile<T>(schema);
  return (value) => {
    const query: unknown = { ...(value as object) }; // Ajv's defaults and coercion write into it
    const valid = validate(query);
    const errors = [...(valid ? [] : (validate.errors ?? []).map(toFieldProblem)), ...notFinite(query as object)];
    return errors.length === 0 ? { query: query as T } : { errors };
  };
}

/**
 * Validates a request body against a TypeBox schema compiled once; failures answer 422. The body's
 * type is the schema's `Static` type, so the schema is the one place the shape is written.
 */
@Injectable()
export class AjvBodyPipe<S extends TSchema> implements PipeTransform<unknown, Static<S>> {
  private readonly validate: ValidateFunction<Static<S>>;

  constructor(schema: S) {
    this.validate = ajv.compile<Static<S>>(schema);
  }

  transform(value: unknown): Static<S> {
    if (this.validate(value)) return value;
    throw invalidRequest(this.validate.errors ?? [], REQUEST_INVALID_MESSAGES.body);
  }
}

/** Validates query parameters (coercing numbers) against a TypeBox schema; failures answer 422. */
@Injectable()
export class AjvQueryPipe<S extends TSchema> implements PipeTransform<unknown, Static<S>> {
  private readonly validate: QueryCheck<Static<S>>;

  constructor(schema: S) {
    this.validate = compileQuery(schema);
  }

  transform(value: unknown): Static<S> {
    const result = this.validate(value);
    if (result.errors)
      throw new DomainError('validation_failed', REQUEST_INVALID_MESSAGES.query.en, {
        errors: result.errors,
        texts: { detail: { messages: REQUEST_INVALID_MESSAGES.query } },
      });
    return result.query;
  }
}
