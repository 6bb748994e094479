import type { Language } from '@mesecvi/http';
import {
  QUESTIONNAIRE_FILES,
  THEMES,
  type GeneratedQuestionnaireInput,
  type QuestionnaireTexts,
  type SchemaObject,
} from '@mesecvi/questionnaires';
import { ratingLabels } from './rating-scale';

export interface OpenRecommendation {
  id: string;
  theme: string;
  articles: string[];
  text: string;
  translations: Record<string, string>;
}

export interface FollowUpQuestionnaireInput {
  followUpRoundNumber: number;
  stateCode: string;
  workingLanguage: Language;
  /** In the recommendations' order; items are numbered by theme (the questionnaire's order), then that order. */
  recommendations: OpenRecommendation[];
  /** The rating scale's values: the self-assessed status is one of them. */
  scale: string[];
}

export interface GeneratedFollowUp {
  questionnaire: GeneratedQuestionnaireInput;
  items: Array<{ itemId: string; recommendationId: string }>;
}

/** Item ids follow the questionnaire convention (three letters, two digits). */
export const MAX_FOLLOW_UP_ITEMS = 99;
export const followUpItemId = (n: number): string => `REC-${String(n).padStart(2, '0')}`;
export const followUpQuestionnaireKey = (followUpRoundNumber: number, stateCode: string): string =>
  `follow-up-${followUpRoundNumber}-${stateCode.toLowerCase()}`;

const HELP_MAX = 2000;
const clip = (s: string): string => (s.length <= HELP_MAX ? s : `${s.slice(0, HELP_MAX - 1)}…`);

const LABEL: Record<Language, (id: string) => string> = {
  en: (id) => `Recommendation ${id}`,
  es: (id) => `Recomendación ${id}`,
  fr: (id) => `Recommandation ${id}`,
  pt: (id) => `Recomendação ${id}`,
};

/** Fields of a follow-up item; rows/year/value/note/evidence reuse the evaluation questionnaire's texts. */
const OWN_FIELDS: Record<Language, Record<string, string>> = {
  en: {
    measures: 'Measures taken since the report',
    selfAssessment: 'Your assessment of its status',
    indicators: 'Indicator values',
    indicator: 'Indicator',
  },
  es: {
    measures: 'Medidas adoptadas desde el informe',
    selfAssessment: 'Su valoración del estado de cumplimiento',
    indicators: 'Valores de los indicadores',
    indicator: 'Indicador',
  },
  fr: {
    measures: 'Mesures prises depuis le rapport',
    selfAssessment: 'Votre évaluation de sa mise en œuvre',
    indicators: 'Valeurs des indicateurs',
    indicator: 'Indicateur',
  },
  pt: {
    measures: 'Medidas adotadas desde o relatório',
    selfAssessment: 'Sua avaliação do cumprimento',
    indicators: 'Valores dos indicadores',
    indicator: 'Indicador',
  },
};
const SHARED_FIELDS = ['rows', 'year', 'value', 'note', 'evidence'] as const;

function evaluationTexts(language: Language): Partial<QuestionnaireTexts> {
  const file = QUESTIONNAIRE_FILES.find((f) => f.key === 'evaluation-round');
  return (language === 'en' ? file?.i18n.en : file?.i18n[language]) ?? {};
}

function textsIn(
  language: Language,
  input: FollowUpQuestionnaireInput,
  items: Array<{ itemId: string; rec: OpenRecommendation }>,
): QuestionnaireTexts {
  const evaluation = evaluationTexts(language);
  const english = evaluationTexts('en');
  const fields: Record<string, string> = { ...OWN_FIELDS[language] };
  for (const f of SHARED_FIELDS) fields[f] = evaluation.fields?.[f] ?? english.fields?.[f] ?? f;
  const themes: Record<string, string> = {};
  for (const { rec } of items)
    themes[rec.theme] = evaluation.themes?.[rec.theme] ?? english.themes?.[rec.theme] ?? rec.theme;
  return {
    themes,
    fields,
    options: Object.fromEntries(input.scale.map((v) => [v, ratingLabels(v)[language]])),
    items: Object.fromEntries(
      items.map(({ itemId, rec }) => [
        itemId,
        { label: LABEL[language](rec.id), help: clip(rec.translations[language] ?? rec.text) },
      ]),
    ),
  };
}

/**
 * A state's follow-up questionnaire: one item per open recommendation (measures taken, the
 * state's own assessment on the rating scale, indicator values by year, evidence), with texts in
 * English and the state's working language. Pure: the caller registers it.
 */
export function buildFollowUpQuestionnaire(input: FollowUpQuestionnaireInput): GeneratedFollowUp {
  // Questionnaires show items by theme, then id: numbering them in that order keeps REC-01 first on screen.
  const themeRank = (theme: string): number => (THEMES as readonly string[]).indexOf(theme);
  const ordered = input.recommendations
    .map((rec, i) => ({ rec, i }))
    .sort((a, b) => themeRank(a.rec.theme) - themeRank(b.rec.theme) || a.i - b.i);
  const items = ordered.map(({ rec }, i) => ({ itemId: followUpItemId(i + 1), rec }));
  const properties: Record<string, SchemaObject> = {};
  for (const { itemId, rec } of items) {
    properties[itemId] = {
      type: 'object',
      additionalProperties: false,
      required: ['measures', 'selfAssessment'],
      properties: {
        measures: { $ref: '../defs/bounded-text.schema.json' },
        selfAssessment: { type: 'string', enum: [...input.scale] },
        indicators: {
          type: 'array',
          minItems: 1,
          maxItems: 20,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['indicator', 'rows'],
            properties: {
              indicator: { $ref: '../defs/short-text.schema.json' },
              rows: { $ref: '../defs/year-table.schema.json' },
            },
          },
        },
        evidence: { $ref: '../defs/evidence.schema.json' },
      },
      'x-theme': rec.theme,
      // Every item names an article; a recommendation recorded without one is filed under Article 1 (the definition).
      'x-articles': rec.articles.length > 0 ? [...rec.articles] : ['1'],
    };
  }
  const schema: SchemaObject = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'FollowUpAnswers',
    description: `Follow-up questionnaire of ${input.stateCode}: one item per open recommendation.`,
    type: 'object',
    additionalProperties: false,
    required: items.map((i) => i.itemId),
    properties,
  };
  const i18n: GeneratedQuestionnaireInput['i18n'] = { en: textsIn('en', input, items) };
  if (input.workingLanguage !== 'en') i18n[input.workingLanguage] = textsIn(input.workingLanguage, input, items);
  return {
    questionnaire: {
      key: followUpQuestionnaireKey(input.followUpRoundNumber, input.stateCode),
      stateCode: input.stateCode,
      schema,
      i18n,
    },
    items: items.map(({ itemId, rec }) => ({ itemId, recommendationId: rec.id })),
  };
}
