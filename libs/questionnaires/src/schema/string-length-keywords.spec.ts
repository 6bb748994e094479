import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { createQuestionnaireAjv, QUESTIONNAIRE_AJV_OPTIONS } from './create-ajv';

describe('useFastStringLength', () => {
  const schema = {
    type: 'object',
    properties: {
      a: { type: 'string', maxLength: 3, minLength: 2 },
      b: { type: 'string', pattern: '^x', minLength: 3 },
      c: { type: 'string', maxLength: 0 },
    },
  };
  const ours = createQuestionnaireAjv().compile(schema);
  const ajvs = new Ajv2020({ ...QUESTIONNAIRE_AJV_OPTIONS }).compile(schema);
  const same = (document: unknown): void => {
    const valid = ours(document);
    expect(valid).toBe(ajvs(document));
    expect(ours.errors ?? null).toEqual(ajvs.errors ?? null);
  };

  it('counts code points like Ajv: surrogate pairs once, lone surrogates once, same errors in the same order', () => {
    const strings = [
      '',
      'x',
      'xy',
      'xyz',
      'xyzw',
      '😀',
      '😀😀',
      '😀😀😀',
      '😀😀😀😀',
      'a😀',
      'a😀😀',
      '\ud800',
      '\ud800\ud800',
      '\udc00x',
      'x😀',
      'xx😀',
      'xa😀b',
    ];
    for (const a of strings) for (const b of strings) same({ a, b, c: a });
  });

  it('agrees with Ajv on random strings', () => {
    const text = fc.string({ unit: fc.constantFrom('x', 'é', '😀', '\ud800', '\udc00', 'y'), maxLength: 8 });
    fc.assert(
      fc.property(text, text, text, (a, b, c) => same({ a, b, c })),
      { numRuns: 2000 },
    );
  });
});
