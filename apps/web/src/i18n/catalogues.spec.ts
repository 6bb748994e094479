import { en, type MessageKey } from './en';
import { CATALOGUES, LANGUAGES, type Language } from './languages';

/**
 * Values a translation may share with English: names and true cognates, each for the languages
 * where it is the right word. Anything else equal to English is an untranslated string.
 */
const SAME_AS_ENGLISH: Partial<Record<MessageKey, readonly Language[]>> = {
  // Each language is offered under its own name, whatever the page's language.
  'language.en': ['es', 'fr', 'pt'],
  'language.es': ['es', 'fr', 'pt'],
  'language.fr': ['es', 'fr', 'pt'],
  'language.pt': ['es', 'fr', 'pt'],
};

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each(LANGUAGES.filter((l) => l !== 'en'))('the %s catalogue', (language) => {
  const catalogue = CATALOGUES[language];
  const keys = Object.keys(en) as MessageKey[];

  it('has every key of the English one, and no other', () => {
    expect(Object.keys(catalogue).sort()).toEqual([...keys].sort());
  });

  it('translates every value: none equal to the English one unless allowed', () => {
    const untranslated = keys.filter(
      (key) => catalogue[key].trim() === en[key].trim() && !SAME_AS_ENGLISH[key]?.includes(language),
    );
    expect(untranslated).toEqual([]);
  });

  it('keeps every placeholder of the English value', () => {
    const differing = keys.filter((key) => placeholders(catalogue[key]).join() !== placeholders(en[key]).join());
    expect(differing).toEqual([]);
  });

  it('has no empty value', () => {
    expect(keys.filter((key) => catalogue[key].trim() === '')).toEqual([]);
  });
});
