/**
 * PostgreSQL refuses the NUL character in text (SQLSTATE 22021, "invalid byte sequence for encoding
 * UTF8: 0x00") and in jsonb (22P05, "\u0000 cannot be converted to text"). Whatever route it came
 * through (a path parameter, a body string), it is the caller's input that cannot be stored: a 400
 * naming the rule, never a 500. Checked structurally (pg's and TypeORM's errors alike).
 */
const SQLSTATES = new Set(['22021', '22P05']);

export const UNSTORABLE_TEXT_DETAIL = 'Text may not contain the NUL character (U+0000).';

export function isUnstorableText(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const e = error as { code?: unknown; driverError?: unknown; cause?: unknown };
  if (typeof e.code === 'string' && SQLSTATES.has(e.code)) return true;
  return isUnstorableText(e.driverError, depth + 1) || isUnstorableText(e.cause, depth + 1);
}
