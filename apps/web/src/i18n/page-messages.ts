import type { Language } from './languages';

/** A page's own strings in the four languages, keyed alike (the English set is the reference). */
export type PageMessages<K extends string> = Record<Language, Record<K, string>>;

/** Translates a page's strings in the page's language; pseudo-wrapped like the catalogues. */
export type PageTranslator<K extends string> = (key: K, params?: Record<string, string>) => string;

/** `{name}` placeholders filled from `params`; every string `[[…]]`-wrapped in the pseudo-locale. */
export function pageTranslator<K extends string>(
  messages: PageMessages<K>,
  language: Language,
  pseudo: boolean,
): PageTranslator<K> {
  return (key, params = {}) => {
    const text = messages[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
    return pseudo ? `[[${text}]]` : text;
  };
}
