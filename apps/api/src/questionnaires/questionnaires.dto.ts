import { Type } from '@sinclair/typebox';
import { LANGUAGES, type Language } from '@mesecvi/http';

export interface QuestionnaireQuery {
  lang?: Language;
}

export const questionnaireQuerySchema = Type.Unsafe<QuestionnaireQuery>({
  type: 'object',
  additionalProperties: false,
  properties: { lang: { type: 'string', enum: [...LANGUAGES], description: "Another language than the caller's" } },
});

export const questionnaireExample = {
  id: '5f7c2a9e-1b3d-4c6e-8f90-a1b2c3d4e5f6',
  key: 'evaluation-round',
  version: 1,
  contentHash: '204ded3be7c2bebf49c1542fc04a28cbe168b1781509d59f6554b4d096c909ef',
  source: 'file',
  stateCode: null,
  frozenAt: null,
  createdAt: '2026-11-23T14:00:00.000Z',
  language: 'es',
  items: [{ id: 'LEG-02', theme: 'legislation', articles: ['1', '2', '7.c'], indicator: 'structural', required: true }],
  texts: {
    themes: { legislation: 'Legislación' },
    fields: { citations: 'Leyes o instrumentos citados' },
    options: { yes: 'Sí', no: 'No' },
    items: {
      'LEG-02': {
        label: 'Ley integral sobre violencia contra las mujeres',
        help: '¿Existe una ley que aborde de manera integral…? Cítela.',
      },
    },
  },
  schema: {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: { 'LEG-02': { $ref: '#/$defs/yes-no-with-citation' } },
  },
};
