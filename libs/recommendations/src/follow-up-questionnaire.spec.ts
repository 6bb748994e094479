import { DEF_FILES, prepareQuestionnaire } from '@mesecvi/questionnaires';
import { buildFollowUpQuestionnaire, type OpenRecommendation } from './follow-up-questionnaire';

const scale = ['complied', 'partially_complied', 'not_complied', 'no_information'];
const recommendations: OpenRecommendation[] = [
  {
    id: '4-ARG-1',
    theme: 'budget',
    articles: ['8.a'],
    text: 'Asignar una partida presupuestaria.',
    translations: { en: 'Allocate a budget line.' },
  },
  { id: '4-ARG-3', theme: 'legislation', articles: [], text: 'Tipificar el femicidio.', translations: {} },
];

describe('follow-up questionnaire', () => {
  const generated = buildFollowUpQuestionnaire({
    followUpRoundNumber: 2,
    stateCode: 'ARG',
    workingLanguage: 'es',
    recommendations,
    scale,
  });

  it('has one item per recommendation, numbered in questionnaire order (theme, then number), mapped to its id', () => {
    expect(generated.items).toEqual([
      { itemId: 'REC-01', recommendationId: '4-ARG-3' },
      { itemId: 'REC-02', recommendationId: '4-ARG-1' },
    ]);
    expect(generated.questionnaire.key).toBe('follow-up-2-arg');
    expect(Object.keys(generated.questionnaire.schema.properties as object)).toEqual(['REC-01', 'REC-02']);
  });

  it('passes the registry’s conventions and strict compilation, and validates answers with the scale', () => {
    const prepared = prepareQuestionnaire(generated.questionnaire, DEF_FILES);
    const ok = prepared.compiled.validate(
      {
        'REC-01': { measures: 'A bill was sent to Congress.', selfAssessment: 'partially_complied' },
        'REC-02': {
          measures: 'Budget law 2027, line 45.',
          selfAssessment: 'complied',
          indicators: [{ indicator: 'Budget', rows: [{ year: 2027, value: 1000 }] }],
        },
      },
      'strict',
      'en',
    );
    expect(ok.valid).toBe(true);
    const bad = prepared.compiled.validate({ 'REC-02': { measures: 'x', selfAssessment: 'done' } }, 'strict', 'en');
    expect(bad.valid).toBe(false);
  });

  it('labels items in English and the working language, the help being the recommendation in that language', () => {
    const { i18n } = generated.questionnaire;
    expect(i18n.en.items['REC-02']).toEqual({ label: 'Recommendation 4-ARG-1', help: 'Allocate a budget line.' });
    expect(i18n.es?.items?.['REC-02']).toEqual({
      label: 'Recomendación 4-ARG-1',
      help: 'Asignar una partida presupuestaria.',
    });
    expect(i18n.en.items['REC-01']).toEqual({ label: 'Recommendation 4-ARG-3', help: 'Tipificar el femicidio.' });
    expect(i18n.es?.options?.complied).toBe('Cumplida');
    expect(Object.keys(i18n).sort()).toEqual(['en', 'es']);
    expect(
      (generated.questionnaire.schema.properties as Record<string, { 'x-articles': string[] }>)['REC-01']['x-articles'],
    ).toEqual(['1']);
  });
});
