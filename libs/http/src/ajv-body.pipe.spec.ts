import { Type, type Static } from '@sinclair/typebox';
import { DomainError } from '@mesecvi/errors';
import { AjvBodyPipe, AjvQueryPipe, compileQuery } from './ajv-body.pipe';
import { Closed, DateTime, Nullable, StringEnum } from './schema';

const listQuery = Closed({
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  closed: Type.Optional(Type.Boolean()),
});
const validate = compileQuery(listQuery);

const noteBody = Closed(
  {
    title: Type.String({ minLength: 1, maxLength: 200, example: 'A note', description: 'shown in lists' }),
    language: Nullable(StringEnum(['en', 'es'] as const)),
    dueAt: Type.Optional(DateTime()),
  },
  { description: 'A note', example: { title: 'A note', language: null } },
);
type NoteBody = Static<typeof noteBody>;

/** The 422 a pipe throws, as the problem document's fields; fails the test when nothing is thrown. */
function problemOf(run: () => unknown): { status: number; code: string; pointers: string[] } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { status: error.status, code: error.code, pointers: (error.options.errors ?? []).map((e) => e.pointer) };
  }
  throw new Error('the pipe let the value through');
}

describe('query validation', () => {
  it('coerces numbers and booleans and fills defaults', () => {
    expect(validate({ limit: '5', closed: 'true' })).toEqual({ query: { limit: 5, closed: true } });
    expect(validate({})).toEqual({ query: { limit: 50 } });
  });

  it.each(['Infinity', '-Infinity', '1e309', 'NaN'])('refuses limit=%s, naming the parameter', (value) => {
    const result = validate({ limit: value });
    expect(result.errors?.map((e) => e.pointer)).toEqual(['/limit']);
  });

  it('answers 422 from the query pipe for Infinity and for an unknown parameter', () => {
    const pipe = new AjvQueryPipe(listQuery);
    expect(pipe.transform({ limit: '7' })).toEqual({ limit: 7 });
    expect(problemOf(() => pipe.transform({ limit: 'Infinity' }))).toEqual({
      status: 422,
      code: 'validation_failed',
      pointers: ['/limit'],
    });
    expect(problemOf(() => pipe.transform({ sort: 'name' })).pointers).toEqual(['/sort']);
  });
});

describe('body validation with a TypeBox schema', () => {
  const pipe = new AjvBodyPipe(noteBody);

  it('lets a valid body through as the schema’s type', () => {
    const body: NoteBody = pipe.transform({ title: 'Hello', language: 'es', dueAt: '2026-12-01T10:00:00Z' });
    expect(body).toEqual({ title: 'Hello', language: 'es', dueAt: '2026-12-01T10:00:00Z' });
    expect(pipe.transform({ title: 'Hello', language: null })).toEqual({ title: 'Hello', language: null });
  });

  it('answers 422 naming a field of the wrong type', () => {
    expect(problemOf(() => pipe.transform({ title: 42, language: null }))).toEqual({
      status: 422,
      code: 'validation_failed',
      pointers: ['/title'],
    });
  });

  it('answers 422 naming an unknown key, a missing one and a value outside the enum', () => {
    const problem = problemOf(() => pipe.transform({ title: 'x', language: 'de', extra: true }));
    expect(problem.pointers.sort()).toEqual(['/extra', '/language']);
    expect(problemOf(() => pipe.transform({ language: null })).pointers).toEqual(['/title']);
  });

  it('checks a date-time format', () => {
    expect(problemOf(() => pipe.transform({ title: 'x', language: null, dueAt: 'tomorrow' })).pointers).toEqual([
      '/dueAt',
    ]);
  });

  it('compiles a legacy schema wrapped with Type.Unsafe, keeping its `example`s', () => {
    const legacy = Type.Unsafe<{ code: string }>({
      type: 'object',
      additionalProperties: false,
      required: ['code'],
      properties: { code: { type: 'string', pattern: '^[A-Z]{3}$', example: 'ARG' } },
    });
    const legacyPipe = new AjvBodyPipe(legacy);
    expect(legacyPipe.transform({ code: 'ARG' })).toEqual({ code: 'ARG' });
    expect(problemOf(() => legacyPipe.transform({ code: 'argentina' })).pointers).toEqual(['/code']);
  });
});

describe('schema helpers', () => {
  it('write nullable fields as a type array, enums with null, and dates as date-time strings', () => {
    expect(JSON.parse(JSON.stringify(noteBody))).toEqual({
      type: 'object',
      additionalProperties: false,
      description: 'A note',
      example: { title: 'A note', language: null },
      required: ['title', 'language'],
      properties: {
        title: { type: 'string', minLength: 1, maxLength: 200, example: 'A note', description: 'shown in lists' },
        language: { type: ['string', 'null'], enum: ['en', 'es', null] },
        dueAt: { type: 'string', format: 'date-time' },
      },
    });
  });

  it('refuses to make a schema without a single type nullable', () => {
    expect(() => Nullable(Type.Union([Type.String(), Type.Number()]))).toThrow('one type');
  });
});
