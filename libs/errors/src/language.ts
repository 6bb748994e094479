/** The languages every message of the API is written in (an account's language is one of them). */
export const MESSAGE_LANGUAGES = ['en', 'es', 'fr', 'pt'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

/** One sentence in every language: a missing translation is a type error. */
export type Messages = Readonly<Record<MessageLanguage, string>>;

export function isMessageLanguage(value: unknown): value is MessageLanguage {
  return typeof value === 'string' && (MESSAGE_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first supported language the client names in Accept-Language, else English. Quality
 * values are ignored: clients list languages in their order of preference.
 */
export function languageFromHeader(header: string | undefined): MessageLanguage {
  const wanted = (header ?? '')
    .toLowerCase()
    .split(',')
    .map((part) => part.trim().slice(0, 2));
  return wanted.find(isMessageLanguage) ?? 'en';
}
