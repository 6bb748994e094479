import type { Language } from './languages';

/** A page's own strings in the four languages, its English keys the reference. */
export type MessageSet<K extends string> = Record<Language, Record<K, string>>;

export type MessageTranslator<K extends string> = (key: K, params?: Record<string, string>) => string;

/**
 * Translates a page's own strings (loaded with the page, not with every page): fills `{name}`
 * placeholders and wraps every string in the pseudo-locale, as the catalogues do.
 */
export function messageTranslator<K extends string>(
  messages: MessageSet<K>,
  language: Language,
  pseudo: boolean,
): MessageTranslator<K> {
  return (key, params = {}) => {
    const text = messages[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
    return pseudo ? `[[${text}]]` : text;
  };
}
