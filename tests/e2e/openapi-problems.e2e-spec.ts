import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { createSuiteDatabase, startTestApi, testConfig, type SuiteDatabase, type TestApi } from '../harness';

interface Operation {
  security?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
}

const PROBLEM_REF = '#/components/schemas/Problem';
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch']);
/** Responses that are an operation's own report, not a problem: readiness answers 503 with what is down. */
const NOT_PROBLEMS = new Set(['GET /ready 503']);

/** A problem response's schema is the Problem schema, or Problem narrowed (`allOf` with it first). */
function refersToProblem(operation: Operation, status: string): boolean {
  const schema = operation.responses[status]?.content?.['application/problem+json']?.schema;
  if (!schema) return false;
  if (schema.$ref === PROBLEM_REF) return true;
  const allOf = schema.allOf as Array<{ $ref?: string }> | undefined;
  return allOf?.[0]?.$ref === PROBLEM_REF;
}

describe('the OpenAPI document’s errors', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let document: Document;
  let operations: Array<{ at: string; operation: Operation }>;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url));
    document = (await api.http().get('/docs/openapi.json').expect(200)).body as Document;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.has(method))
        .map(([method, operation]) => ({ at: `${method.toUpperCase()} ${path}`, operation })),
    );
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('declares on every operation the errors any route can give', () => {
    expect(operations.length).toBeGreaterThan(50);
    const missing = operations.flatMap(({ at, operation }) => {
      const expected = ['400', '429', '500', '503'];
      if ((operation.security ?? []).length > 0) expected.push('401');
      if (operation.requestBody) expected.push('413', '415');
      return expected
        .filter((status) => !refersToProblem(operation, status))
        .map((status) => `${at} ${status}`)
        .filter((missed) => !NOT_PROBLEMS.has(missed));
    });
    expect(missing).toEqual([]);
  });

  it('marks every authenticated operation as needing a token (so it has its 401)', () => {
    const open = operations.filter(({ operation }) => (operation.security ?? []).length === 0).map(({ at }) => at);
    expect(open).toEqual(expect.arrayContaining(['POST /auth/login', 'GET /health']));
    expect(open).not.toContain('GET /me');
    expect(open).not.toContain('POST /auth/logout');
  });

  it('makes every 4xx and 5xx it declares a problem+json response referencing Problem', () => {
    const loose = operations.flatMap(({ at, operation }) =>
      Object.keys(operation.responses)
        .filter((status) => Number(status) >= 400 && !refersToProblem(operation, status))
        .map((status) => `${at} ${status}`)
        .filter((missed) => !NOT_PROBLEMS.has(missed)),
    );
    expect(loose).toEqual([]);
  });

  it('lists the rule codes of a 409 or 422 as the enum of `rule`', () => {
    const withRules = operations.filter(({ operation }) =>
      ['409', '422'].some((status) => {
        const schema = operation.responses[status]?.content?.['application/problem+json']?.schema;
        return JSON.stringify(schema ?? {}).includes('"enum"');
      }),
    );
    expect(withRules.map(({ at }) => at)).toEqual(expect.arrayContaining(['POST /appointments']));
    const appointments = operations.find(({ at }) => at === 'POST /appointments')?.operation;
    const schema = appointments?.responses['409'].content?.['application/problem+json'].schema as {
      allOf: Array<{ properties?: { rule?: { enum?: string[] } } }>;
    };
    expect(schema.allOf[1].properties?.rule?.enum).toEqual(expect.arrayContaining(['replaces_mismatch']));
    expect(appointments?.responses['409']).toMatchObject({ description: expect.stringContaining('replaces_mismatch') });
  });

  it('documents the auth and me operations’ own errors', () => {
    const at = (key: string): Operation => operations.find((o) => o.at === key)!.operation;
    expect(Object.keys(at('POST /auth/login').responses)).toEqual(expect.arrayContaining(['401', '422', '429']));
    expect(Object.keys(at('POST /auth/refresh').responses)).toEqual(expect.arrayContaining(['401', '422']));
    expect(Object.keys(at('POST /auth/password-reset').responses)).toEqual(expect.arrayContaining(['422', '413']));
    expect(Object.keys(at('PATCH /me').responses)).toEqual(expect.arrayContaining(['401', '404', '422', '415']));
    expect(Object.keys(at('GET /me').responses)).toEqual(expect.arrayContaining(['401', '404']));
  });

  it('describes the problem bodies the API really sends', async () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    const validate = ajv.compile(document.components.schemas.Problem);
    const bodies = [
      (await api.http().post('/auth/login').send({ email: 'x', extra: 1 }).expect(422)).body,
      (await api.http().post('/auth/login').send({ email: 'a@example.test', password: 'wrong-password' }).expect(401))
        .body,
      (await api.http().get('/me').expect(401)).body,
      (await api.http().get('/no/such/route').expect(404)).body,
      (await api.http().post('/auth/login').set('content-type', 'application/json').send('{').expect(400)).body,
    ];
    const invalid = bodies.filter((body) => !validate(body)).map((body) => ({ body, errors: validate.errors }));
    expect(invalid).toEqual([]);
    // Closed where the bodies are: a field error with a member it never has is refused.
    expect(validate({ ...bodies[0], errors: [{ pointer: '/x', message: 'm', extra: true }] })).toBe(false);
  });
});
