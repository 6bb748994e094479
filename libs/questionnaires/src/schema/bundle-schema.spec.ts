import { bundleSchema } from './bundle-schema';

const base = 'https://schemas.example.org/defs';
const defs = {
  'year.schema.json': {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${base}/year.schema.json`,
    type: 'integer',
    minimum: 1994,
  },
  'money.schema.json': {
    $id: `${base}/money.schema.json`,
    type: 'object',
    properties: { year: { $ref: 'year.schema.json' } },
  },
  'unused.schema.json': { $id: `${base}/unused.schema.json`, type: 'string' },
};

describe('bundleSchema', () => {
  it('copies the definitions used, transitively and only those, and points the refs at them', () => {
    const root = {
      $id: 'https://schemas.example.org/questionnaires/q.schema.json',
      type: 'object',
      properties: { budget: { $ref: '../defs/money.schema.json' } },
    };
    const bundled = bundleSchema(root, defs);
    expect(bundled.properties).toEqual({ budget: { $ref: '#/$defs/money' } });
    expect(bundled.$defs).toEqual({
      money: { type: 'object', properties: { year: { $ref: '#/$defs/year' } } },
      year: { type: 'integer', minimum: 1994 },
    });
  });

  it('refuses a ref to a file that is not a shared definition', () => {
    expect(() =>
      bundleSchema(
        {
          $id: 'https://schemas.example.org/q.schema.json',
          properties: { a: { $ref: 'https://elsewhere.example/x.json' } },
        },
        defs,
      ),
    ).toThrow(/names no file/);
  });

  it('resolves a generated schema without $id against the questionnaires folder', () => {
    expect(
      bundleSchema(
        { properties: { y: { $ref: '../defs/year.schema.json' } } },
        { 'year.schema.json': { $id: 'https://schemas.mesecvi.org/defs/year.schema.json', type: 'integer' } },
      ).$defs,
    ).toEqual({
      year: { type: 'integer' },
    });
  });
});
