import { en } from './en';
import { format, pickLocale, pseudoCatalogue } from './languages';

describe('the language of the page', () => {
  it("is the first of the browser's languages the platform speaks, by primary subtag", () => {
    expect(pickLocale(['fr-HT', 'en']).language).toBe('fr');
    expect(pickLocale(['de-DE', 'pt-BR']).language).toBe('pt');
    expect(pickLocale(['ES']).language).toBe('es');
    expect(pickLocale(['de', 'ja']).language).toBe('en');
    expect(pickLocale([]).language).toBe('en');
  });

  it('the pseudo-locale wraps every English string, placeholders kept', () => {
    const pseudo = pickLocale(['en-XA']);
    expect(pseudo.language).toBe('en');
    expect(pseudo.catalogue['layout.signIn']).toBe('[[Sign in]]');
    expect(Object.values(pseudoCatalogue(en)).every((v) => v.startsWith('[[') && v.endsWith(']]'))).toBe(true);
    expect(format(pseudo.catalogue, 'home.reportPublished', { date: 'D' })).toBe('[[Published on D]]');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format(en, 'home.reportState', { code: 'HTI' })).toBe('State: HTI');
    expect(format(en, 'home.reportState')).toBe('State: {code}');
  });
});
