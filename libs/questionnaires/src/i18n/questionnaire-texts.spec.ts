import { missingTranslations, textsFor, type QuestionnaireI18n } from './questionnaire-texts';

const i18n: QuestionnaireI18n = {
  en: {
    themes: { budget: 'Budget' },
    fields: { amount: 'Amount', currency: 'Currency' },
    options: { yes: 'Yes' },
    items: {
      'BUD-01': { label: 'Budget of the national mechanism', help: 'Budget assigned each year.' },
      'BUD-02': { label: 'Programme budget', help: 'Allocated and executed.' },
    },
  },
  es: {
    themes: { budget: 'Presupuesto' },
    fields: { amount: 'Monto' },
    items: { 'BUD-01': { label: 'Presupuesto del mecanismo nacional' } },
  },
};

describe('questionnaire texts', () => {
  it('falls back to English text by text, not language by language', () => {
    const es = textsFor(i18n, 'es');
    expect(es.themes.budget).toBe('Presupuesto');
    expect(es.fields).toEqual({ amount: 'Monto', currency: 'Currency' });
    expect(es.options.yes).toBe('Yes');
    expect(es.items['BUD-01']).toEqual({
      label: 'Presupuesto del mecanismo nacional',
      help: 'Budget assigned each year.',
    });
    expect(es.items['BUD-02']).toEqual(i18n.en.items['BUD-02']);
    expect(textsFor(i18n, 'pt')).toBe(i18n.en);
  });

  it('lists every English text a language lacks', () => {
    const es = missingTranslations(i18n)
      .filter((m) => m.language === 'es')
      .map((m) => m.key);
    expect(es).toEqual([
      'fields.currency',
      'options.yes',
      'items.BUD-01.help',
      'items.BUD-02.label',
      'items.BUD-02.help',
    ]);
    expect(missingTranslations(i18n).filter((m) => m.language === 'fr')).toHaveLength(8);
  });
});
