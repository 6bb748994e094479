/**
 * The JSON text a request body was parsed from, kept beside the parsed value by the api's body
 * parser, so a handler that stores the body as sent (a 28 KB draft on every save) need not
 * serialise it again. Valid only while the value is unmodified: read it before anything changes
 * the body. Weakly held: it goes with the parsed value.
 */
const TEXTS = new WeakMap<object, string>();

export function rememberJsonText(value: unknown, text: string): void {
  if (typeof value === 'object' && value !== null) TEXTS.set(value, text);
}

/** The text `value` was parsed from, or undefined when it was not parsed from a request body (or not by the fast parser). */
export function jsonTextOf(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null ? TEXTS.get(value) : undefined;
}
