import { pointerInSchema } from './answer-pointer';

const schema = {
  type: 'object',
  $defs: { yearRow: { type: 'object', properties: { year: { type: 'integer' }, value: { type: 'number' } } } },
  properties: {
    leg_1: { type: 'object', properties: { exists: { type: 'boolean' }, 'a/b': { type: 'string' } } },
    stat_2: { type: 'array', items: { $ref: '#/$defs/yearRow' } },
    mixed: { oneOf: [{ type: 'string' }, { type: 'object', properties: { note: { type: 'string' } } }] },
  },
};

describe('pointerInSchema', () => {
  it.each(['/leg_1', '/leg_1/exists', '/leg_1/a~1b', '/stat_2', '/stat_2/0', '/stat_2/12/year', '/mixed/note'])(
    'accepts %s',
    (p) => {
      expect(pointerInSchema(schema, p)).toBe(true);
    },
  );
  it.each(['', '/', 'leg_1', '/nope', '/leg_1/missing', '/stat_2/x', '/stat_2/0/month', '/stat_2/-1', '/mixed/other'])(
    'refuses %s',
    (p) => {
      expect(pointerInSchema(schema, p)).toBe(false);
    },
  );
});
