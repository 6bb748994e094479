import type { RJSFSchema } from '@rjsf/utils';
import { sectionSchema } from './form-schema';

describe("a section's schema", () => {
  const schema: RJSFSchema = {
    type: 'object',
    required: ['A-01', 'B-01'],
    properties: {
      'A-01': {
        title: 'An English title',
        description: 'An English description',
        type: 'object',
        required: ['title', 'description'],
        properties: { title: { type: 'string', title: 'Title' }, description: { type: 'string' } },
        anyOf: [{ required: ['title'] }],
      },
      'B-01': { type: 'string' },
    },
  };
  const items = [
    { id: 'A-01', theme: 'a' },
    { id: 'B-01', theme: 'b' },
  ];

  it("keeps fields called `title` or `description`, and leaves out the schema's own titles, descriptions and rules", () => {
    expect(sectionSchema(schema, items, 'a')).toEqual({
      type: 'object',
      required: ['A-01'],
      properties: {
        'A-01': {
          type: 'object',
          required: ['title', 'description'],
          properties: { title: { type: 'string' }, description: { type: 'string' } },
        },
      },
    });
  });
});
