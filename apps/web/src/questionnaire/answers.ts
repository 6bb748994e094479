/** Answers of a questionnaire, keyed by item id, in the shape of its schema. */
export type Answers = Record<string, unknown>;

/** Whether a value holds an answer: something other than empty strings, arrays and objects. */
export function hasAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(hasAnswer);
  if (typeof value === 'object') return Object.values(value).some(hasAnswer);
  return true;
}
