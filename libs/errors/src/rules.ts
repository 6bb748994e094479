import type { Messages } from './language';

/**
 * 409: the change breaks a business rule of the object's state; 422: a field's value breaks one;
 * 401 and 403: the request itself is refused (a browser session's cookie or header) for a named reason.
 */
export type RuleStatus = 401 | 403 | 409 | 422;

/** One business rule a request can break: its stable code (`rule` in the problem), status and message. */
export interface RuleEntry<Code extends string = string, Status extends RuleStatus = RuleStatus> {
  readonly rule: Code;
  readonly status: Status;
  readonly messages: Messages;
}

export type ConflictRule = RuleEntry<string, 409>;
export type FieldRule = RuleEntry<string, 422>;

/** `rule` is the code when one code is said in several ways (each a sentence of its own); else the key is. */
type RuleDefinitions = Record<string, { rule?: string; status: RuleStatus; messages: Messages }>;

type CodeOf<T extends RuleDefinitions, K extends keyof T & string> = T[K]['rule'] extends string ? T[K]['rule'] : K;

export type RuleCatalogue<T extends RuleDefinitions> = {
  readonly [K in keyof T & string]: RuleEntry<CodeOf<T, K>, T[K]['status']>;
};

/**
 * A lib's catalogue of rule codes: the key is the code clients see in `rule`, so a call site names
 * an entry (typed) instead of spelling a string, and the document lists the same entries.
 */
export function defineRules<const T extends RuleDefinitions>(definitions: T): RuleCatalogue<T> {
  const catalogue: Record<string, RuleEntry> = {};
  for (const [key, { rule, status, messages }] of Object.entries(definitions))
    catalogue[key] = Object.freeze({ rule: rule ?? key, status, messages });
  return Object.freeze(catalogue) as RuleCatalogue<T>;
}
