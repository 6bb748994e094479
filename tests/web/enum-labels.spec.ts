// The web app's labels of server enums, checked against the committed OpenAPI document its types come from.
import fs from 'node:fs';
import { en } from '../../apps/web/src/i18n/en';
import {
  ASSIGNMENT_STATUS_LABELS,
  EVALUATION_STATUS_LABELS,
  PROBLEM_LABELS,
  ROLE_LABELS,
} from '../../apps/web/src/i18n/enum-labels';
import { COMMITTED_DOCUMENT } from '../contract/committed-document';

interface Schema {
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
}
interface Document {
  paths: Record<
    string,
    Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>
  >;
  components: { schemas: Record<string, Schema> };
}

const document = JSON.parse(fs.readFileSync(COMMITTED_DOCUMENT, 'utf8')) as Document;

/** The enum of a property of a GET's 200 answer (of its items when it is a list), from the committed document. */
function enumOf(route: string, property: string): string[] {
  let schema = document.paths[route].get.responses['200'].content?.['application/json'].schema;
  if (schema?.items) schema = schema.items;
  const values = schema?.properties?.[property]?.enum;
  if (!values) throw new Error(`${route} has no enum ${property}`);
  return values.filter((v): v is string => typeof v === 'string').sort();
}

describe('labels of the api enums come from the catalogue and cover the OpenAPI enums exactly', () => {
  it.each([
    ['evaluation statuses', EVALUATION_STATUS_LABELS, enumOf('/evaluations/{id}', 'status')],
    ['evaluation statuses in a round', EVALUATION_STATUS_LABELS, enumOf('/rounds/{id}/evaluations', 'status')],
    [
      'rapporteur assignment statuses',
      ASSIGNMENT_STATUS_LABELS,
      enumOf('/rounds/{id}/rapporteur-assignments', 'status'),
    ],
    ['roles', ROLE_LABELS, enumOf('/me', 'role')],
    ['problem codes', PROBLEM_LABELS, (document.components.schemas.Problem.properties?.code.enum as string[]).sort()],
  ])('%s', (_what, labels: Record<string, string>, values) => {
    expect(Object.keys(labels).sort()).toEqual(values);
    for (const key of Object.values(labels)) expect(Object.keys(en)).toContain(key);
  });
});
