import { DomainError } from '@mesecvi/errors';

export const ruleConflict = (rule: string, message: string, extensions: Record<string, unknown> = {}): DomainError =>
  new DomainError('conflict', message, { extensions: { rule, ...extensions } });

export const fieldInvalid = (pointer: string, message: string, rule: string): DomainError =>
  new DomainError('validation_failed', message, { errors: [{ pointer, keyword: rule, message }], extensions: { rule } });

/** PostgreSQL's verdicts on our constraints and trigger, as the business conflicts they mean. */
const CONSTRAINT_RULES: Record<string, [string, string]> = {
  TRG_rapporteur_assignment_not_excluded: ['rapporteur_excluded_state', 'An expert never evaluates the state that appointed them nor one they declared a conflict with.'],
  UQ_rapporteur_assignment_active: ['rapporteur_already_assigned', 'This expert is already a rapporteur of this evaluation.'],
};

export function rethrowAsReviewConflict(e: unknown): never {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const code = err.driverError?.code ?? err.code;
  const constraint = err.driverError?.constraint ?? err.constraint;
  if ((code === '23505' || code === '23514') && constraint && CONSTRAINT_RULES[constraint]) {
    const [rule, message] = CONSTRAINT_RULES[constraint];
    throw ruleConflict(rule, message);
  }
  throw e;
}
