import { en, type Catalogue, type MessageKey } from './en';
import { es } from './es';
import { fr } from './fr';
import { pt } from './pt';

export const LANGUAGES = ['en', 'es', 'fr', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

export const CATALOGUES: Record<Language, Catalogue> = { en, es, fr, pt };

/**
 * Browser languages that select the pseudo-locale: every string `[[…]]`-wrapped, so a test can
 * find text that does not come from the catalogue. `en-XA` is Chromium's own pseudo-locale tag.
 */
const PSEUDO_TAGS = new Set(['en-xa', 'qps-ploc']);

export interface Locale {
  /** The `lang` of the page and of dates: the pseudo-locale reads as English. */
  language: Language;
  catalogue: Catalogue;
  /** Every string `[[…]]`-wrapped, whatever the language. */
  pseudo: boolean;
}

/** The locale of `language`, pseudo-wrapped or not. */
export function localeFor(language: Language, pseudo: boolean): Locale {
  const catalogue = CATALOGUES[language];
  return { language, catalogue: pseudo ? pseudoCatalogue(catalogue) : catalogue, pseudo };
}

/** Every value wrapped in `[[…]]`, placeholders kept. */
export function pseudoCatalogue(base: Catalogue): Catalogue {
  const wrapped = Object.entries(base).map(([key, value]) => [key, `[[${value}]]`]);
  return Object.fromEntries(wrapped) as Catalogue;
}

/** The first of the browser's languages the platform speaks (by primary subtag); English otherwise. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (PSEUDO_TAGS.has(lower)) return localeFor('en', true);
    const primary = lower.split('-')[0];
    const language = LANGUAGES.find((l) => l === primary);
    if (language) return localeFor(language, false);
  }
  return localeFor('en', false);
}

/** A message with its `{name}` placeholders filled in. */
export function format(catalogue: Catalogue, key: MessageKey, params: Record<string, string> = {}): string {
  return catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
