import { compileQuery } from './ajv-body.pipe';

const validate = compileQuery<{ limit: number; closed?: boolean }>({
  type: 'object',
  additionalProperties: false,
  properties: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 }, closed: { type: 'boolean' } },
});

describe('query validation', () => {
  it('coerces numbers and booleans and fills defaults', () => {
    expect(validate({ limit: '5', closed: 'true' })).toEqual({ query: { limit: 5, closed: true } });
    expect(validate({})).toEqual({ query: { limit: 50 } });
  });

  it.each(['Infinity', '-Infinity', '1e309', 'NaN'])('refuses limit=%s, naming the parameter', (value) => {
    const result = validate({ limit: value });
    expect(result.errors?.map((e) => e.pointer)).toEqual(['/limit']);
  });
});
