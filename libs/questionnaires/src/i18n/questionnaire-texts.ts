import { LANGUAGES, type Language } from '@mesecvi/http';

/** Label and help of one item. */
export interface ItemText {
  label: string;
  help?: string;
}

/** The texts of a questionnaire in one language (a file `<key>.i18n/<lang>.json`). */
export interface QuestionnaireTexts {
  themes: Record<string, string>;
  /** Labels of answer fields (`citations`, `amount`, …), shared by every item. */
  fields: Record<string, string>;
  /** Labels of enum values (`yes`, `supra_legal`, …); ISO codes are shown as they are. */
  options: Record<string, string>;
  items: Record<string, ItemText>;
}

/** English is complete; other languages may be partial and fall back to English. */
export type QuestionnaireI18n = { en: QuestionnaireTexts } & Partial<
  Record<Exclude<Language, 'en'>, Partial<QuestionnaireTexts>>
>;

const textMap = { type: 'object', additionalProperties: { type: 'string', minLength: 1, maxLength: 2000 } };

/** Shape of one language file, checked with Ajv when the files are loaded. */
export const TEXTS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    themes: textMap,
    fields: textMap,
    options: textMap,
    items: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          label: { type: 'string', minLength: 1, maxLength: 500 },
          help: { type: 'string', minLength: 1, maxLength: 2000 },
        },
      },
    },
  },
};

const SECTIONS = ['themes', 'fields', 'options'] as const;

/** The texts in `language`, each missing one taken from English. */
export function textsFor(i18n: QuestionnaireI18n, language: Language): QuestionnaireTexts {
  const en = i18n.en;
  const own = language === 'en' ? undefined : i18n[language];
  if (!own) return en;
  const merged: QuestionnaireTexts = { themes: {}, fields: {}, options: {}, items: {} };
  for (const section of SECTIONS) merged[section] = { ...en[section], ...(own[section] ?? {}) };
  for (const [id, text] of Object.entries(en.items)) {
    const translated = own.items?.[id];
    merged.items[id] = {
      label: translated?.label ?? text.label,
      ...((translated?.help ?? text.help) ? { help: translated?.help ?? text.help } : {}),
    };
  }
  return merged;
}

export interface MissingTranslation {
  language: Language;
  /** e.g. `items.LEG-09.help`, `options.supra_legal` */
  key: string;
  english: string;
}

/** Every English text that a language lacks (what `npm run schemas:i18n-missing` prints). */
export function missingTranslations(i18n: QuestionnaireI18n): MissingTranslation[] {
  const missing: MissingTranslation[] = [];
  for (const language of LANGUAGES) {
    if (language === 'en') continue;
    const own = i18n[language] ?? {};
    for (const section of SECTIONS) {
      for (const [key, english] of Object.entries(i18n.en[section])) {
        if (!own[section]?.[key]) missing.push({ language, key: `${section}.${key}`, english });
      }
    }
    for (const [id, text] of Object.entries(i18n.en.items)) {
      if (!own.items?.[id]?.label) missing.push({ language, key: `items.${id}.label`, english: text.label });
      if (text.help && !own.items?.[id]?.help) missing.push({ language, key: `items.${id}.help`, english: text.help });
    }
  }
  return missing;
}
