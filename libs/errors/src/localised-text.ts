import type { MessageLanguage, Messages } from './language';

/** Facts a message names (`{dueDate}` in its templates): ids, dates, counts, codes. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** A message kept in every language until the filter knows who is asking. */
export interface LocalisedText {
  readonly messages: Messages;
  readonly params?: MessageParams;
}

/** The message in `language`, its `{placeholders}` filled in (an unknown one is left as written). */
export function localise(text: LocalisedText, language: MessageLanguage): string {
  const params = text.params ?? {};
  return text.messages[language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The placeholders a template names, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];
}
