import { evidenceMessages } from '../evidence/evidence-messages';
import { formMessages } from '../questionnaire/form-messages';
import { submissionMessages } from '../submission/submission-messages';
import { messageTranslator, type MessageSet } from './message-set';

const placeholders = (text: string): string =>
  [...text.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join();

/** Strings the same in a language as in English on purpose: a true cognate, placeholders only, a hash's name and a size. */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  'evidence es': ['facts'],
  'evidence fr': ['facts'],
  'evidence pt': ['facts'],
  'submission fr': ['version'],
  'submission es': ['problemAt'],
  'submission pt': ['problemAt'],
};

const SETS: Array<[string, MessageSet<string>]> = [
  ['form', formMessages],
  ['submission', submissionMessages],
  ['evidence', evidenceMessages],
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
  expect(messageTranslator(formMessages, 'fr', false)('row', { number: '2' })).toBe('Ligne 2');
  expect(messageTranslator(formMessages, 'en', true)('row', { number: '3' })).toBe('[[Row 3]]');
  expect(messageTranslator(submissionMessages, 'fr', false)('lateDays', { days: '4' })).toBe('En retard de 4 jours');
  expect(messageTranslator(evidenceMessages, 'fr', false)('sending', { percent: '40' })).toBe('Envoi : 40 %');
});
