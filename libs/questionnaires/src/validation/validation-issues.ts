import type { ErrorObject } from 'ajv';
import type { Language } from '@mesecvi/http';
import type { Explanation } from '../schema/annotation-keywords';
import { isSchemaObject } from '../schema/json-schema';
import type { QuestionnaireTexts } from '../i18n/questionnaire-texts';
import { escapePointerSegment as escape, unescapePointerSegment as unescape } from '../json-pointer';
import { formatLimit, messageFor, type MessageKey } from './validation-messages';

/** One problem of an answer document, ready for problem+json `errors`. */
export interface ValidationIssue {
  /** RFC 6901 pointer into the answer document, e.g. `/LEG-02/citations/0/url`. */
  pointer: string;
  /** The JSON Schema keyword that failed (`required`, `format`, …). */
  keyword: string;
  /** A plain sentence in the caller's language. */
  message: string;
  /** The label of the item the pointer falls in, in the caller's language; null for an unknown item. */
  label: string | null;
}

const FORMATS = new Set(['date', 'uri', 'uuid']);

function explanationOf(e: ErrorObject): { explanation: Explanation; at?: string } | null {
  const explain = isSchemaObject(e.parentSchema) ? e.parentSchema['x-explain'] : undefined;
  return isSchemaObject(explain)
    ? { explanation: explain.message as Explanation, at: typeof explain.at === 'string' ? explain.at : undefined }
    : null;
}

function pointerOf(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'required') return `${e.instancePath}/${escape(String(params.missingProperty))}`;
  if (e.keyword === 'additionalProperties') return `${e.instancePath}/${escape(String(params.additionalProperty))}`;
  if (e.keyword === 'anyOf') {
    const at = explanationOf(e)?.at;
    if (at) return `${e.instancePath}/${escape(at)}`;
  }
  return e.instancePath;
}

function messageKeyOf(e: ErrorObject, pointer: string, texts: QuestionnaireTexts, language: Language): MessageKey {
  const params = e.params as Record<string, unknown>;
  const limit = Number(params.limit);
  const lastSegment = unescape(pointer.split('/').pop() ?? '');
  switch (e.keyword) {
    case 'required':
      return e.instancePath === ''
        ? { kind: 'answer_required' }
        : { kind: 'field_required', field: texts.fields[lastSegment] ?? lastSegment };
    case 'additionalProperties':
      return { kind: 'unknown_field', field: lastSegment };
    case 'type': {
      const type = String(params.type);
      return {
        kind: 'expected',
        type: type === 'integer' || type === 'number' || type === 'string' || type === 'boolean' ? type : 'other',
      };
    }
    case 'enum':
    case 'const':
      return { kind: 'choose_option' };
    case 'format':
      return {
        kind: 'format',
        format: FORMATS.has(String(params.format)) ? (String(params.format) as 'date' | 'uri' | 'uuid') : 'other',
      };
    case 'pattern': {
      // A pattern that backs a format (https-only web addresses) explains itself as that format.
      const format = isSchemaObject(e.parentSchema) ? String(e.parentSchema.format) : '';
      return { kind: 'format', format: FORMATS.has(format) ? (format as 'date' | 'uri' | 'uuid') : 'other' };
    }
    case 'minimum':
      return { kind: 'at_least', limit: formatLimit(limit, language) };
    case 'maximum':
      return { kind: 'at_most', limit: formatLimit(limit, language) };
    case 'exclusiveMinimum':
      return { kind: 'more_than', limit: formatLimit(limit, language) };
    case 'exclusiveMaximum':
      return { kind: 'less_than', limit: formatLimit(limit, language) };
    case 'maxLength':
      return { kind: 'text_too_long', limit };
    case 'minLength':
      return { kind: 'text_too_short', limit };
    case 'maxItems':
      return { kind: 'too_many_entries', limit };
    case 'minItems':
      return { kind: 'too_few_entries', limit };
    case 'uniqueItems':
      return { kind: 'duplicate_entries', first: Number(params.j) + 1, second: Number(params.i) + 1 };
    case 'anyOf': {
      const explanation = explanationOf(e);
      return explanation ? { kind: 'explain', explanation: explanation.explanation } : { kind: 'no_accepted_form' };
    }
    default:
      return { kind: 'invalid' };
  }
}

const segmentsOf = (pointer: string): string[] => pointer.split('/').slice(1).map(unescape);

/** Document order: items in questionnaire order, then fields by name and rows by number. */
function compareIssues(a: ValidationIssue, b: ValidationIssue, itemRank: (id: string) => number): number {
  const x = segmentsOf(a.pointer);
  const y = segmentsOf(b.pointer);
  const byItem = itemRank(x[0] ?? '') - itemRank(y[0] ?? '');
  if (byItem !== 0) return byItem;
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    const [m, n] = [Number(x[i]), Number(y[i])];
    if (Number.isInteger(m) && Number.isInteger(n)) return m - n;
    return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

/**
 * Ajv's errors as issues an official can act on: one per field, the branch noise of a failed
 * `anyOf` replaced by its one explanation, the item's label, and a stable order (Ajv's follows
 * key order, which jsonb storage does not keep).
 */
export function toValidationIssues(
  errors: readonly ErrorObject[],
  texts: QuestionnaireTexts,
  language: Language,
  itemRank: (id: string) => number = () => 0,
): ValidationIssue[] {
  const failedAnyOf = errors.filter((e) => e.keyword === 'anyOf').map((e) => `${e.schemaPath}/`);
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (failedAnyOf.some((prefix) => e.schemaPath.startsWith(prefix))) continue;
    const pointer = pointerOf(e);
    if (seen.has(pointer)) continue;
    seen.add(pointer);
    const itemId = unescape(pointer.split('/')[1] ?? '');
    issues.push({
      pointer,
      keyword: e.keyword,
      message: messageFor(messageKeyOf(e, pointer, texts, language), language),
      label: texts.items[itemId]?.label ?? null,
    });
  }
  return issues.sort((a, b) => compareIssues(a, b, itemRank));
}
