import fs from 'node:fs';
import { DOCUMENT_FILE, renderTypes, TYPES_FILE } from './api-client-types';

describe('the api client types', () => {
  it('are what openapi-typescript makes of the committed document (else run `npm run api-client`)', async () => {
    const expected = await renderTypes(fs.readFileSync(DOCUMENT_FILE, 'utf8'));
    if (fs.readFileSync(TYPES_FILE, 'utf8') !== expected) {
      throw new Error(`${TYPES_FILE} is stale against ${DOCUMENT_FILE}: run \`npm run api-client\``);
    }
  });
});
