import { DomainError } from './domain-error';

/** A 409 naming the business rule that refused the change (`rule`), with any facts a client needs. */
export const ruleConflict = (rule: string, message: string, extensions: Record<string, unknown> = {}): DomainError =>
  new DomainError('conflict', message, { extensions: { rule, ...extensions } });

/** A 422 naming the field (`pointer`) and the rule it breaks. */
export const fieldInvalid = (pointer: string, message: string, rule: string): DomainError =>
  new DomainError('validation_failed', message, {
    errors: [{ pointer, keyword: rule, message }],
    extensions: { rule },
  });

/** Constraint or trigger name → the rule and sentence a conflict on it means. */
export type ConstraintRules = Readonly<Record<string, readonly [rule: string, message: string]>>;

/**
 * PostgreSQL's verdict on one of our unique (23505) or check/trigger (23514) constraints, thrown
 * again as the business conflict it means (the service checks first; the database has the last
 * word under concurrency). Anything else is rethrown unchanged.
 */
export function rethrowConstraintAsConflict(e: unknown, rules: ConstraintRules): never {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = err.driverError?.code ?? err.code;
  const constraint = err.driverError?.constraint ?? err.constraint;
  if ((code === '23505' || code === '23514') && constraint && rules[constraint]) {
    const [rule, message] = rules[constraint];
    throw ruleConflict(rule, message);
  }
  throw e;
}
