import { MantineProvider } from '@mantine/core';
import type { RJSFSchema } from '@rjsf/utils';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import {
  DEF_FILES,
  QUESTIONNAIRE_FILES,
  prepareQuestionnaire,
  questionnaireItems,
  textsFor,
  type QuestionnaireSource,
} from '@mesecvi/questionnaires';
import { buildFollowUpQuestionnaire } from '@mesecvi/recommendations';
import { LocaleProvider } from '../../apps/web/src/i18n/i18n-context';
import { CATALOGUES, LANGUAGES, localeFor, type Language } from '../../apps/web/src/i18n/languages';
import { en } from '../../apps/web/src/i18n/en';
import { AnswersView } from '../../apps/web/src/questionnaire/answers-view';
import { formMessages } from '../../apps/web/src/questionnaire/form-messages';
import { themesInOrder } from '../../apps/web/src/questionnaire/form-schema';
import { SectionForm } from '../../apps/web/src/questionnaire/section-form';
import { schemaWords } from '../harness/schema-words';

/** What the api serves for a questionnaire: the bundled schema, its items, its texts in one language. */
function served(source: QuestionnaireSource) {
  const prepared = prepareQuestionnaire(source, DEF_FILES);
  return { schema: prepared.schema as RJSFSchema, items: questionnaireItems(prepared.schema), i18n: prepared.i18n };
}

const followUp = buildFollowUpQuestionnaire({
  followUpRoundNumber: 2,
  stateCode: 'HTI',
  workingLanguage: 'fr',
  recommendations: [
    { id: '4-HTI-1', theme: 'budget', articles: ['8.a'], text: 'Allouer une ligne budgétaire.', translations: {} },
    { id: '4-HTI-2', theme: 'legislation', articles: [], text: 'Typifier le féminicide.', translations: {} },
  ],
  scale: ['complied', 'partially_complied', 'not_complied', 'no_information'],
}).questionnaire;

const QUESTIONNAIRES = [...QUESTIONNAIRE_FILES, followUp].map((source) => ({ key: source.key, ...served(source) }));

const decode = (html: string) =>
  html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Every word a person reads on the page: text between tags, and aria-labels. */
function visibleTexts(html: string): string[] {
  const texts = [...html.matchAll(/>([^<]+)</g)].map((m) => decode(m[1]).trim());
  const labels = [...html.matchAll(/aria-label="([^"]*)"/g)].map((m) => decode(m[1]).trim());
  return [...texts, ...labels].filter((text) => text !== '');
}

describe.each(QUESTIONNAIRES)('the $key questionnaire as a form', ({ schema, items, i18n }) => {
  const themes = themesInOrder(items);
  const cases = LANGUAGES.flatMap((language) => themes.map((theme) => [language, theme] as const));
  // ISO currency codes are shown as they are.
  const words = [...schemaWords(schema)].filter((word) => !/^[A-Z]{3}$/.test(word));

  it.each(cases)(
    'in %s, section %s: every item is a group labelled in that language, without a console error',
    (language: Language, theme) => {
      const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      const texts = textsFor(i18n, language);
      const html = renderToString(
        createElement(LocaleProvider, {
          locale: localeFor(language, false),
          children: createElement(MantineProvider, {
            children: createElement(SectionForm, {
              schema,
              items,
              texts,
              theme,
              answers: {},
              onChange: () => undefined,
            }),
          }),
        }),
      );
      expect(errors.mock.calls).toEqual([]);
      expect(warnings.mock.calls).toEqual([]);
      errors.mockRestore();
      warnings.mockRestore();

      const sectionItems = items.filter((item) => item.theme === theme);
      expect(sectionItems.length).toBeGreaterThan(0);
      for (const item of sectionItems) {
        const group = new RegExp(`<fieldset[^>]*data-item="${item.id}"[^>]*><legend[^>]*>([^<]*)</legend>`).exec(html);
        expect([item.id, group && decode(group[1])]).toEqual([item.id, texts.items[item.id].label]);
      }
      // A word may read the same as a key or an English string when it is this language's own text
      // ("Year" in English, "No" in Spanish); anything else equal to one is a leak.
      const own = new Set<string>([
        ...Object.values(CATALOGUES[language]),
        ...Object.values(formMessages[language]),
        ...Object.values(texts.fields),
        ...Object.values(texts.options),
        ...Object.values(texts.items).map((text) => text.label),
      ]);
      const english = new Set<string>(
        language === 'en' ? [] : [...Object.values(en), ...Object.values(formMessages.en)],
      );
      const shown = visibleTexts(html).filter((text) => !own.has(text) || items.some((item) => item.id === text));
      const leaks = shown.filter(
        (text) => items.some((item) => item.id === text) || words.includes(text) || english.has(text),
      );
      expect(leaks).toEqual([]);
    },
  );
});

describe('the answers to read', () => {
  const [{ schema, items, i18n }] = QUESTIONNAIRES;
  const texts = textsFor(i18n, 'fr');
  const render = (answers: Record<string, unknown>) =>
    visibleTexts(
      renderToString(
        createElement(LocaleProvider, {
          locale: localeFor('fr', false),
          children: createElement(AnswersView, { schema, items, texts, theme: 'legislation', answers }),
        }),
      ),
    );

  it('shows each item with its label, options by their label, rows and fields labelled, the unanswered said so', () => {
    const shown = render({
      'LEG-02': { answer: 'yes', citations: [{ name: 'Loi du 15 mars 2020', url: 'https://www.moniteur.ht/l' }] },
      'LEG-01': { rank: 'constitutional' },
    });
    expect(shown).toEqual(expect.arrayContaining([texts.items['LEG-02'].label, texts.items['LEG-03'].label]));
    expect(shown).toEqual(
      expect.arrayContaining([
        texts.fields.answer,
        texts.options.yes,
        texts.fields.citations,
        texts.fields.name,
        'Loi du 15 mars 2020',
        texts.options.constitutional,
        formMessages.fr.notAnswered,
      ]),
    );
    expect(shown.filter((text) => ['yes', 'constitutional', 'answer', 'citations', 'LEG-02'].includes(text))).toEqual(
      [],
    );
  });

  it("lists a row's fields in the form's order, whatever order they were stored in, and dates as people write them", () => {
    const shown = render({
      'LEG-02': {
        answer: 'yes',
        citations: [{ url: 'https://www.moniteur.ht/l', date: '2020-03-15', name: 'Loi du 15 mars 2020' }],
      },
    });
    const fieldOrder = [texts.fields.name, texts.fields.date, texts.fields.url].map((label) => shown.indexOf(label));
    expect(fieldOrder.every((at) => at >= 0)).toBe(true);
    expect(fieldOrder).toEqual([...fieldOrder].sort((a, b) => a - b));
    expect(shown).toContain('15 mars 2020');
    expect(shown).not.toContain('2020-03-15');
  });
});
