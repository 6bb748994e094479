import type { QuestionnaireI18n } from '../i18n/questionnaire-texts';
import { CompiledQuestionnaire } from './compiled-questionnaire';
import { answersInvalid } from './validation-problem';

const yesNo = {
  type: 'object',
  additionalProperties: false,
  required: ['answer'],
  properties: {
    answer: { type: 'string', enum: ['yes', 'no'] },
    citations: { type: 'array', minItems: 1, maxItems: 2, items: { type: 'string', maxLength: 5 } },
  },
  anyOf: [{ properties: { answer: { const: 'no' } } }, { required: ['citations'], properties: { citations: true } }],
  'x-explain': { message: 'citation_when_yes', at: 'citations' },
};
const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['LEG-01', 'BUD-01'],
  properties: {
    'BUD-01': {
      type: 'object',
      additionalProperties: false,
      required: ['amount'],
      properties: { amount: { type: 'number', maximum: 1000000 }, year: { type: 'integer', minimum: 1994 } },
      'x-theme': 'budget',
      'x-articles': ['8.d'],
    },
    'LEG-01': { ...yesNo, 'x-theme': 'legislation', 'x-articles': ['7.c'] },
  },
};
const i18n: QuestionnaireI18n = {
  en: {
    themes: {},
    fields: { amount: 'Amount' },
    options: {},
    items: { 'LEG-01': { label: 'Comprehensive law', help: 'h' }, 'BUD-01': { label: 'Budget', help: 'h' } },
  },
  es: { fields: { amount: 'Monto' }, items: { 'LEG-01': { label: 'Ley integral' } } },
  fr: { items: { 'LEG-01': { label: 'Loi intégrale' } } },
};
const q = new CompiledQuestionnaire(schema, i18n);

describe('validation issues', () => {
  it('says what is missing in the caller’s language, with the item label (English when untranslated)', () => {
    const { valid, errors } = q.validate({ 'BUD-01': {} }, 'strict', 'es');
    expect(valid).toBe(false);
    expect(errors).toEqual([
      { pointer: '/LEG-01', keyword: 'required', message: 'Responda esta pregunta.', label: 'Ley integral' },
      { pointer: '/BUD-01/amount', keyword: 'required', message: 'Complete «Monto».', label: 'Budget' },
    ]);
  });

  it('replaces a failed anyOf and its branch noise by one plain explanation at the named field', () => {
    const { errors } = q.validate({ 'LEG-01': { answer: 'yes' }, 'BUD-01': { amount: 1 } }, 'strict', 'fr');
    expect(errors).toEqual([
      {
        pointer: '/LEG-01/citations',
        keyword: 'anyOf',
        message: "Citez la loi ou l'instrument qui fonde une réponse « oui ».",
        label: 'Loi intégrale',
      },
    ]);
    expect(q.validate({ 'LEG-01': { answer: 'yes' } }, 'lenient', 'fr')).toEqual({ valid: true, errors: [] });
  });

  it('words limits as the reader writes numbers, keeps years plain, and names unknown fields', () => {
    const doc = { 'LEG-01': { answer: 'no', extra: 1 }, 'BUD-01': { amount: 2000000, year: 1990 }, 'ZZZ-01': true };
    expect(q.validate(doc, 'lenient', 'pt').errors.map((e) => [e.pointer, e.message, e.label])).toEqual([
      ['/LEG-01/extra', '“extra” não faz parte deste questionário; remova-o.', 'Comprehensive law'],
      ['/BUD-01/amount', 'Informe um valor menor ou igual a 1.000.000.', 'Budget'],
      ['/BUD-01/year', 'Informe um valor maior ou igual a 1994.', 'Budget'],
      ['/ZZZ-01', '“ZZZ-01” não faz parte deste questionário; remova-o.', null],
    ]);
    expect(q.validate({ 'BUD-01': { amount: 'ten' } }, 'lenient', 'en').errors).toEqual([
      { pointer: '/BUD-01/amount', keyword: 'type', message: 'Enter a number.', label: 'Budget' },
    ]);
  });

  it('compiles each mode once and keeps it', () => {
    const first = q.validator('strict');
    expect(q.validator('strict')).toBe(first);
    expect(q.compileMs.strict).toBeGreaterThan(0);
  });
});

describe('as problem+json errors', () => {
  it('keeps pointer, keyword, message and label (questionnaire order: themes, then ids), and leaves out the label of an unknown item', () => {
    const error = answersInvalid(q.validate({ 'ZZZ-01': 1 }, 'strict', 'en'));
    expect(error.status).toBe(422);
    expect(error.options.errors).toEqual([
      { pointer: '/LEG-01', keyword: 'required', message: 'Answer this question.', label: 'Comprehensive law' },
      { pointer: '/BUD-01', keyword: 'required', message: 'Answer this question.', label: 'Budget' },
      {
        pointer: '/ZZZ-01',
        keyword: 'additionalProperties',
        message: '“ZZZ-01” is not part of this questionnaire; remove it.',
      },
    ]);
  });
});
