import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { DataSource } from 'typeorm';
import {
  createAccount,
  createSuiteDatabase,
  login,
  startTestApi,
  testConfig,
  type SuiteDatabase,
  type TestApi,
} from '../harness';

interface Schema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: unknown;
  items?: Schema;
}
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

/** The routes whose responses are declared structurally; later batches add theirs. */
const STRUCTURAL = /^\/(auth\/|me$|accounts($|\/)|states-parties(\/\{code\}(\/contacts(\/\{id\})?)?)?$)/;

/**
 * Why a response schema is not exact: an object must list every property it sends as required,
 * admit no other, and type each one, so a reader (and a contract check) knows the whole answer.
 */
function inexactness(schema: Schema | undefined, at: string): string[] {
  if (!schema) return [`${at}: no schema`];
  if (schema.type === undefined && schema.const === undefined && schema.enum === undefined)
    return [`${at}: untyped (an example alone?)`];
  if (schema.type === 'array') return inexactness(schema.items, `${at}/items`);
  if (schema.type !== 'object') return [];
  const properties = schema.properties ?? {};
  const problems: string[] = [];
  if (schema.additionalProperties !== false) problems.push(`${at}: open object`);
  if ([...(schema.required ?? [])].sort().join() !== Object.keys(properties).sort().join())
    problems.push(`${at}: required is not every property`);
  for (const [name, property] of Object.entries(properties))
    problems.push(...inexactness(property, `${at}/properties/${name}`));
  return problems;
}

describe('auth and me responses in the OpenAPI document', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let document: Document;
  const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));

  /** The errors of a real response against the document's schema for it (none when it conforms). */
  const againstDocument = (path: string, method: string, status: number, body: unknown): unknown[] => {
    const schema = document.paths[path][method].responses[String(status)].content?.['application/json']?.schema;
    if (!schema) throw new Error(`${method} ${path} declares no ${status} body`);
    const validate = ajv.compile(schema);
    return validate(body) ? [] : (validate.errors ?? []);
  };

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url));
    document = (await api.http().get('/docs/openapi.json').expect(200)).body as Document;
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('declares every success answer of auth and me as an exact schema, 204s without a body', () => {
    const checked: string[] = [];
    const problems: string[] = [];
    for (const [path, operations] of Object.entries(document.paths).filter(([p]) => STRUCTURAL.test(p)))
      for (const [method, operation] of Object.entries(operations))
        for (const [status, response] of Object.entries(operation.responses).filter(([s]) => s.startsWith('2'))) {
          const at = `${method.toUpperCase()} ${path} ${status}`;
          checked.push(at);
          if (status === '204') {
            if (response.content) problems.push(`${at}: a 204 with a body`);
          } else problems.push(...inexactness(response.content?.['application/json']?.schema, at));
        }
    expect(checked.sort()).toEqual([
      'DELETE /states-parties/{code}/contacts/{id} 204',
      'GET /accounts 200',
      'GET /accounts/{id} 200',
      'GET /me 200',
      'GET /states-parties 200',
      'GET /states-parties/{code} 200',
      'GET /states-parties/{code}/contacts 200',
      'PATCH /me 200',
      'PATCH /states-parties/{code} 200',
      'PATCH /states-parties/{code}/contacts/{id} 200',
      'POST /accounts/invitations 201',
      'POST /accounts/{id}/disable 200',
      'POST /accounts/{id}/enable 200',
      'POST /accounts/{id}/invitation 200',
      'POST /auth/login 200',
      'POST /auth/logout 204',
      'POST /auth/password-reset 202',
      'POST /auth/refresh 200',
      'POST /auth/session 200',
      'POST /auth/session/end 204',
      'POST /auth/session/refresh 200',
      'POST /states-parties/{code}/contacts 201',
    ]);
    expect(problems).toEqual([]);
  });

  it('finds an example-only response inexact', () => {
    expect(inexactness({ example: { a: 1 } } as Schema, 'x')).toEqual(['x: untyped (an example alone?)']);
    expect(inexactness({ type: 'object', properties: { a: { type: 'string' } } }, 'x')).toEqual([
      'x: open object',
      'x: required is not every property',
    ]);
  });

  it('describes what the routes really answer', async () => {
    const ds = api.app.get(DataSource);
    const user = await createAccount(ds, { role: 'state_focal_point', stateCode: 'ARG', language: null });
    const signedIn = await api
      .http()
      .post('/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(200);
    expect(againstDocument('/auth/login', 'post', 200, signedIn.body)).toEqual([]);
    const refreshed = await api
      .http()
      .post('/auth/refresh')
      .send({ refreshToken: (signedIn.body as { refreshToken: string }).refreshToken })
      .expect(200);
    expect(againstDocument('/auth/refresh', 'post', 200, refreshed.body)).toEqual([]);

    const session = await login(api, user.email, user.password);
    const me = await api.http().get('/me').set('authorization', session.bearer).expect(200);
    expect(againstDocument('/me', 'get', 200, me.body)).toEqual([]);
    const changed = await api
      .http()
      .patch('/me')
      .set('authorization', session.bearer)
      .send({ preferredLanguage: 'fr' })
      .expect(200);
    expect(againstDocument('/me', 'patch', 200, changed.body)).toEqual([]);
    // An extra field in the answer would break the contract: the check itself must see it.
    expect(againstDocument('/me', 'get', 200, { ...me.body, passwordHash: 'x' })).not.toEqual([]);

    const reset = await api.http().post('/auth/password-reset').send({ email: user.email }).expect(202);
    expect(againstDocument('/auth/password-reset', 'post', 202, reset.body)).toEqual([]);
    await api.http().post('/auth/logout').set('authorization', session.bearer).expect(204);
  });

  it('describes what managing an account answers', async () => {
    const ds = api.app.get(DataSource);
    const secretariat = await createAccount(ds, { role: 'secretariat' });
    const session = await login(api, secretariat.email, secretariat.password);
    const invited = await api
      .http()
      .post('/accounts/invitations')
      .set('authorization', session.bearer)
      .send({ email: 'schemas.invitee@example.org', name: 'Ana Gómez', role: 'state_contributor', stateCode: 'PER' })
      .expect(201);
    const id = (invited.body as { id: string }).id;
    const resent = await api.http().post(`/accounts/${id}/invitation`).set('authorization', session.bearer).expect(200);
    expect(againstDocument('/accounts/{id}/invitation', 'post', 200, resent.body)).toEqual([]);
    await api.http().post(`/accounts/${id}/disable`).set('authorization', session.bearer).expect(200);
    const enabled = await api.http().post(`/accounts/${id}/enable`).set('authorization', session.bearer).expect(200);
    expect(againstDocument('/accounts/{id}/enable', 'post', 200, enabled.body)).toEqual([]);
    expect((enabled.body as { status: string }).status).toBe('invited');
    const rounds = await api.http().get('/rounds').set('authorization', session.bearer).expect(200);
    expect(againstDocument('/rounds', 'get', 200, rounds.body)).toEqual([]);
  });
});
