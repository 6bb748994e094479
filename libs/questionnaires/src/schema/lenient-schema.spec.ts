import { createQuestionnaireAjv } from './create-ajv';
import { lenientSchema } from './lenient-schema';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['a', 'required'],
  minProperties: 2,
  dependentRequired: { a: ['b'] },
  properties: {
    a: { type: 'string', minLength: 3, maxLength: 5, pattern: '^[a-z]+$' },
    b: { type: 'array', minItems: 2, maxItems: 3, items: { type: 'integer', maximum: 10 } },
    // A property *named* "required" is data, not the keyword.
    required: { type: 'object', required: ['x'], properties: { x: { type: 'string', format: 'date' } } },
    c: {
      type: 'object',
      properties: { answer: { enum: ['yes', 'no'] }, d: true },
      anyOf: [{ properties: { answer: { const: 'no' } } }, { required: ['d'], properties: { d: true } }],
    },
  },
};

describe('lenientSchema (drafts)', () => {
  const lenient = createQuestionnaireAjv().compile(lenientSchema(schema));
  const strict = createQuestionnaireAjv().compile(schema);

  it('drops required (also inside anyOf branches), dependentRequired, minItems, minLength and minProperties', () => {
    const draft = { a: 'ab', b: [1], c: { answer: 'yes' } };
    expect(lenient(draft)).toBe(true);
    expect(strict(draft)).toBe(false);
    expect(lenientSchema(schema).properties).toHaveProperty('required');
  });

  it('keeps types, formats, enums, maxima, maxItems, maxLength, patterns and additionalProperties: false', () => {
    for (const wrong of [
      { a: 'abcdef' },
      { a: 'AB' },
      { b: [1, 2, 3, 4] },
      { b: [11] },
      { b: ['1'] },
      { required: { x: '2024-02-30' } },
      { c: { answer: 'maybe' } },
      { z: 1 },
    ]) {
      expect({ wrong, valid: lenient(wrong) }).toEqual({ wrong, valid: false });
    }
  });

  it('leaves the original schema untouched', () => {
    expect(schema.required).toEqual(['a', 'required']);
    expect(schema.properties.b.minItems).toBe(2);
  });
});
