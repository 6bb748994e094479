import { evidenceMessages, evidenceTranslator, type EvidenceMessageKey } from './evidence-messages';

const placeholders = (text: string): string =>
  [...text.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join();

/** Strings that read the same in every language (a hash's name and a size). */
const SAME_EVERYWHERE: ReadonlySet<EvidenceMessageKey> = new Set(['facts']);

describe.each(['es', 'fr', 'pt'] as const)('the evidence strings in %s', (language) => {
  const keys = Object.keys(evidenceMessages.en) as EvidenceMessageKey[];
  const own = evidenceMessages[language];

  it('have every English key, each translated with the same placeholders', () => {
    expect(Object.keys(own).sort()).toEqual([...keys].sort());
    expect(
      keys.filter(
        (key) =>
          own[key].trim() === '' || (!SAME_EVERYWHERE.has(key) && own[key] === (evidenceMessages.en[key] as string)),
      ),
    ).toEqual([]);
    expect(keys.filter((key) => placeholders(own[key]) !== placeholders(evidenceMessages.en[key]))).toEqual([]);
  });
});

it('fills placeholders and wraps every string in the pseudo-locale', () => {
  expect(evidenceTranslator('fr', false)('sending', { percent: '40' })).toBe('Envoi : 40 %');
  expect(evidenceTranslator('en', true)('cancel')).toBe('[[Cancel]]');
});
