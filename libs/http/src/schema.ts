import {
  Type,
  type ObjectOptions,
  type SchemaOptions,
  type Static,
  type StringOptions,
  type TObject,
  type TProperties,
  type TSchema,
  type TString,
  type TUnsafe,
} from '@sinclair/typebox';

/**
 * Building blocks for TypeBox schemas that read as OpenAPI 3.1 wants them. A TypeBox schema is
 * plain JSON Schema, so the same object is the Ajv validator, the TypeScript type
 * (`Static<typeof X>`) and the OpenAPI Schema Object.
 */

/** An object that admits only its listed properties: every request body and response is one. */
export function Closed<P extends TProperties>(properties: P, options: ObjectOptions = {}): TObject<P> {
  return Type.Object(properties, { ...options, additionalProperties: false });
}

/** One of a fixed list of strings, as an `enum` (TypeBox's own union of literals writes an `anyOf`). */
export function StringEnum<const V extends readonly string[]>(
  values: V,
  options: SchemaOptions = {},
): TUnsafe<V[number]> {
  return Type.Unsafe<V[number]>({ ...options, type: 'string', enum: [...values] });
}

/**
 * The schema or null, written the OpenAPI 3.1 way, `type: [x, "null"]` (and null among an `enum`),
 * rather than TypeBox's `anyOf`, so a document reader sees one nullable field.
 */
export function Nullable<S extends TSchema>(schema: S): TUnsafe<Static<S> | null> {
  // Only the string keys: TypeBox's own symbol keys describe the non-null schema.
  const { type, enum: values, ...rest } = Object.fromEntries(Object.entries(schema)) as Record<string, unknown>;
  if (typeof type !== 'string') throw new Error('Nullable takes a schema of one type');
  return Type.Unsafe<Static<S> | null>({
    ...rest,
    type: [type, 'null'],
    ...(Array.isArray(values) ? { enum: [...(values as unknown[]), null] } : {}),
  });
}

/** A moment as an ISO 8601 string, `format: date-time`: how every date leaves the API. */
export function DateTime(options: StringOptions = {}): TString {
  return Type.String({ ...options, format: 'date-time' });
}

/** A field at fault, as a problem's `errors[]` and a draft's `remainingProblems` list them. */
export const FieldProblemSchema = Type.Object(
  {
    pointer: Type.String({ description: 'RFC 6901 JSON Pointer', example: '/LEG-03' }),
    message: Type.String({ description: "In the caller's language", example: 'Answer this question.' }),
    keyword: Type.Optional(Type.String({ description: 'The JSON Schema keyword or rule', example: 'required' })),
    label: Type.Optional(Type.String({ description: "The question's label, on questionnaire answers" })),
  },
  { additionalProperties: false },
);

/** A JSON object whose members a schema of its own governs (a questionnaire's answers, say). */
export function AnyObject(description: string): TUnsafe<Record<string, unknown>> {
  // Open on purpose: the contract check treats an object that does not say so as closed.
  return Type.Unsafe<Record<string, unknown>>({ type: 'object', additionalProperties: true, description });
}
