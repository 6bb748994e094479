import { formMessages } from '../questionnaire/form-messages';
import { submissionMessages } from '../submission/submission-messages';
import { pageTranslator, type PageMessages } from './page-messages';

const placeholders = (text: string): string =>
  [...text.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join();

/** Strings the same in a language as in English on purpose: a true cognate, or placeholders only. */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  'submission fr': ['version'],
  'submission es': ['problemAt'],
  'submission pt': ['problemAt'],
};

const SETS: Array<[string, PageMessages<string>]> = [
  ['form', formMessages],
  ['submission', submissionMessages],
];

describe.each(SETS)("the %s pages' strings", (name, messages) => {
  const keys = Object.keys(messages.en);

  it.each(['es', 'fr', 'pt'] as const)(
    'in %s: every English key, each translated with the same placeholders',
    (language) => {
      const own = messages[language];
      const allowed = SAME_AS_ENGLISH[`${name} ${language}`] ?? [];
      expect(Object.keys(own).sort()).toEqual([...keys].sort());
      expect(
        keys.filter((key) => own[key].trim() === '' || (own[key] === messages.en[key] && !allowed.includes(key))),
      ).toEqual([]);
      expect(keys.filter((key) => placeholders(own[key]) !== placeholders(messages.en[key]))).toEqual([]);
    },
  );
});

it('fills placeholders and wraps every string in the pseudo-locale', () => {
  expect(pageTranslator(formMessages, 'fr', false)('row', { number: '2' })).toBe('Ligne 2');
  expect(pageTranslator(formMessages, 'en', true)('row', { number: '3' })).toBe('[[Row 3]]');
  expect(pageTranslator(submissionMessages, 'fr', false)('lateDays', { days: '4' })).toBe('En retard de 4 jours');
});
