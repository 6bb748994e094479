import { formMessages, formTranslator, type FormMessageKey } from './form-messages';

const placeholders = (text: string): string =>
  [...text.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join();

describe.each(['es', 'fr', 'pt'] as const)("the form's %s strings", (language) => {
  const keys = Object.keys(formMessages.en) as FormMessageKey[];
  const own = formMessages[language];

  it('have every English key, each translated with the same placeholders', () => {
    expect(Object.keys(own).sort()).toEqual([...keys].sort());
    expect(keys.filter((key) => own[key].trim() === '' || own[key] === (formMessages.en[key] as string))).toEqual([]);
    expect(keys.filter((key) => placeholders(own[key]) !== placeholders(formMessages.en[key]))).toEqual([]);
  });
});

it('fills placeholders and wraps every string in the pseudo-locale', () => {
  expect(formTranslator('fr', false)('row', { number: '2' })).toBe('Ligne 2');
  expect(formTranslator('en', true)('row', { number: '3' })).toBe('[[Row 3]]');
});
