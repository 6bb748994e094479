import type { ErrorSchema } from '@rjsf/utils';
import type { Answers } from './answers';
import type { FormMessageKey, FormTranslator } from './form-messages';

/** A problem with one field, as the api's problem errors name it: where, which rule, its values. */
export interface FieldProblem {
  /** RFC 6901 pointer into the answers document (`/LEG-02/citations/0/url`). */
  pointer: string;
  /** The JSON Schema keyword or rule the value breaks (`format`, `maximum`, `required`…). */
  rule: string;
  params?: Record<string, string>;
}

const RULE_MESSAGES: Record<string, FormMessageKey> = {
  format: 'problem.format',
  maximum: 'problem.maximum',
  exclusiveMaximum: 'problem.maximum',
  minimum: 'problem.minimum',
  exclusiveMinimum: 'problem.minimum',
  maxLength: 'problem.maxLength',
  pattern: 'problem.format',
  type: 'problem.type',
  enum: 'problem.enum',
  required: 'problem.required',
  minLength: 'problem.required',
  minItems: 'problem.required',
  // A "yes" without the law it rests on: the citations are what is missing.
  anyOf: 'problem.required',
};

/** The catalogue sentence for a rule, in the page's language (never the api's English words). */
export function fieldProblemMessage(problem: FieldProblem, t: FormTranslator): string {
  return t(RULE_MESSAGES[problem.rule] ?? 'problem.other', problem.params);
}

function tokens(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * The form library's `extraErrors` for a list of problems: each message at its field, so a person
 * reads it where she types (the form shows one section; problems of other sections are left out).
 */
export function problemsErrorSchema(
  problems: readonly FieldProblem[],
  t: FormTranslator,
  itemIds: readonly string[],
): ErrorSchema<Answers> {
  const root: Record<string, unknown> = {};
  for (const problem of problems) {
    const path = tokens(problem.pointer);
    if (path.length === 0 || !itemIds.includes(path[0])) continue;
    let node = root;
    for (const token of path) {
      node[token] ??= {};
      node = node[token] as Record<string, unknown>;
    }
    const errors = (node.__errors as string[] | undefined) ?? [];
    const message = fieldProblemMessage(problem, t);
    if (!errors.includes(message)) node.__errors = [...errors, message];
  }
  return root as ErrorSchema<Answers>;
}
