import { DomainError } from './domain-error';
import { localise, type MessageParams } from './localised-text';
import type { ConflictRule, FieldRule, RuleEntry } from './rules';

/** A 409 naming the business rule that refused the change (`rule`), with any facts a client needs. */
export function ruleConflict(
  rule: ConflictRule,
  params: MessageParams = {},
  extensions: Record<string, unknown> = {},
): DomainError {
  const text = { messages: rule.messages, params };
  return new DomainError('conflict', localise(text, 'en'), {
    extensions: { rule: rule.rule, ...extensions },
    texts: { detail: text },
  });
}

/** A 422 naming the field (`pointer`) and the rule it breaks. */
export function fieldInvalid(pointer: string, rule: FieldRule, params: MessageParams = {}): DomainError {
  const text = { messages: rule.messages, params };
  const message = localise(text, 'en');
  return new DomainError('validation_failed', message, {
    errors: [{ pointer, keyword: rule.rule, message }],
    extensions: { rule: rule.rule },
    texts: { detail: text, errors: [text] },
  });
}

/** A 401 or 403 naming the rule that refused the request (`rule`), its detail in every language. */
export function ruleRefusal(rule: RuleEntry<string, 401 | 403>, headers?: Record<string, string>): DomainError {
  const text = { messages: rule.messages };
  return new DomainError(rule.status === 401 ? 'unauthenticated' : 'forbidden', localise(text, 'en'), {
    extensions: { rule: rule.rule },
    headers,
    texts: { detail: text },
  });
}

/** Constraint or trigger name → the rule a conflict on it means. */
export type ConstraintRules = Readonly<Record<string, ConflictRule>>;

/** The conflict a unique (23505) or check/trigger (23514) violation on one of `rules` means; null otherwise. */
export function constraintConflict(e: unknown, rules: ConstraintRules): DomainError | null {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = err.driverError?.code ?? err.code;
  const constraint = err.driverError?.constraint ?? err.constraint;
  if ((code === '23505' || code === '23514') && constraint && rules[constraint]) return ruleConflict(rules[constraint]);
  return null;
}

/**
 * PostgreSQL's verdict on one of our unique or check/trigger constraints, thrown again as the
 * business conflict it means (the service checks first; the database has the last word under
 * concurrency). Anything else is rethrown unchanged.
 */
export function rethrowConstraintAsConflict(e: unknown, rules: ConstraintRules): never {
  throw constraintConflict(e, rules) ?? e;
}

export type { RuleEntry };
