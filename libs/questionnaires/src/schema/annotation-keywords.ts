import type { KeywordDefinition } from 'ajv';

/** Convention articles an item can be tagged with (1–2, 7a–h, 8a–i, 9). */
export const CONVENTION_ARTICLES = [
  '1',
  '2',
  '7.a',
  '7.b',
  '7.c',
  '7.d',
  '7.e',
  '7.f',
  '7.g',
  '7.h',
  '8.a',
  '8.b',
  '8.c',
  '8.d',
  '8.e',
  '8.f',
  '8.g',
  '8.h',
  '8.i',
  '9',
] as const;
export type ConventionArticle = (typeof CONVENTION_ARTICLES)[number];

export const INDICATOR_KINDS = ['structural', 'process', 'result', 'signal_of_progress'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const THEMES = [
  'legislation',
  'national_plans',
  'access_to_justice',
  'specialised_services',
  'budget',
  'information_and_statistics',
  'diversity',
] as const;
export type Theme = (typeof THEMES)[number];

/** Plain-language explanations a schema can attach to an `anyOf` rule (see validation-messages). */
export const EXPLANATIONS = ['citation_when_yes'] as const;
export type Explanation = (typeof EXPLANATIONS)[number];

/**
 * Item metadata lives in annotation keywords. Ajv's strict mode refuses unknown keywords, so
 * each is registered here with a meta-schema (a typo such as `"x-articles": ["7c"]` fails at
 * load time) and no validation code: they describe, they do not constrain answers.
 * json-schema-to-typescript ignores keywords it does not know.
 */
export const ANNOTATION_KEYWORDS: KeywordDefinition[] = [
  { keyword: 'x-theme', metaSchema: { type: 'string', enum: [...THEMES] } },
  {
    keyword: 'x-articles',
    metaSchema: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', enum: [...CONVENTION_ARTICLES] },
    },
  },
  { keyword: 'x-indicator', metaSchema: { type: 'string', enum: [...INDICATOR_KINDS] } },
  {
    keyword: 'x-explain',
    metaSchema: {
      type: 'object',
      additionalProperties: false,
      required: ['message'],
      properties: {
        message: { type: 'string', enum: [...EXPLANATIONS] },
        at: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]*$' },
      },
    },
  },
];

export interface ItemAnnotations {
  theme: Theme;
  articles: ConventionArticle[];
  indicator: IndicatorKind | null;
}
