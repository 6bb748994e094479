import { Type } from '@sinclair/typebox';
import { LANGUAGES } from '@mesecvi/http';
import { CONVENTION_ARTICLES, THEMES } from '@mesecvi/questionnaires';
import { RECOMMENDATION_STATUSES, type RegisterFilters } from '@mesecvi/recommendations';

export const registerQuerySchema = Type.Unsafe<RegisterQuery>({
  type: 'object',
  additionalProperties: false,
  properties: {
    state: { type: 'string', pattern: '^[A-Za-z]{3}$', example: 'ARG' },
    round: { type: 'integer', minimum: 1, maximum: 1000, example: 4 },
    theme: { type: 'string', enum: [...THEMES] },
    article: { type: 'string', enum: [...CONVENTION_ARTICLES], example: '8.a' },
    status: { type: 'string', enum: [...RECOMMENDATION_STATUSES], example: 'adopted' },
    compliance: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,31}$', example: 'partially_complied' },
    closed: { type: 'boolean' },
  },
});
export type RegisterQuery = RegisterFilters;

export const translationsSchema = Type.Unsafe<TranslationsBody>({
  type: 'object',
  additionalProperties: false,
  required: ['translations'],
  properties: {
    translations: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(LANGUAGES.map((l) => [l, { type: 'string', minLength: 1, maxLength: 20000 }])),
      example: {
        en: 'Allocate a specific budget line to the national plan.',
        fr: 'Allouer une ligne budgétaire spécifique au plan national.',
      },
    },
  },
});
export interface TranslationsBody {
  translations: Partial<Record<(typeof LANGUAGES)[number], string>>;
}

export const ratingSchema = Type.Unsafe<RatingBody>({
  type: 'object',
  additionalProperties: false,
  required: ['recommendationId', 'value', 'justification'],
  properties: {
    recommendationId: {
      type: 'string',
      maxLength: 40,
      pattern: '^[0-9]{1,6}-[A-Z]{3}-[0-9]{1,6}$',
      example: '4-ARG-1',
    },
    value: { type: 'string', minLength: 1, maxLength: 32, example: 'partially_complied' },
    justification: {
      type: 'string',
      minLength: 1,
      maxLength: 20000,
      example: 'The 2027 budget law has a line for the plan; execution is not reported yet.',
    },
  },
});
export interface RatingBody {
  recommendationId: string;
  value: string;
  justification: string;
}

export const registerRowExample = {
  id: '4-ARG-1',
  stateCode: 'ARG',
  round: { id: '6b1d0f7e-2c3a-4b5d-8e9f-0a1b2c3d4e5f', number: 4, name: 'Fourth Multilateral Evaluation Round' },
  number: 1,
  theme: 'budget',
  articles: ['8.a'],
  text: 'Allocate a specific budget line to the national plan.',
  translations: { es: 'Asignar una partida presupuestaria específica al plan nacional.' },
  status: 'adopted',
  complianceStatus: 'partially_complied',
  closed: false,
  report: { id: '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9', status: 'published', documentSymbol: 'MESECVI/CEVI/doc.1/27' },
};

export const followUpExample = {
  evaluationId: '3f4e5d6c-7b8a-4c9d-8e0f-1a2b3c4d5e6f',
  stateCode: 'ARG',
  roundId: '7c1d0f7e-2c3a-4b5d-8e9f-0a1b2c3d4e5f',
  status: 'under_review',
  items: [
    {
      itemId: 'REC-01',
      recommendation: {
        id: '4-ARG-1',
        theme: 'budget',
        articles: ['8.a'],
        text: registerRowExample.text,
        translations: {},
        complianceStatus: null,
        closed: false,
      },
      proposal: {
        value: 'partially_complied',
        justification: 'A line exists; no execution report.',
        proposedBy: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        proposedAt: '2028-03-01T15:00:00.000Z',
      },
      rating: null,
    },
  ],
};
