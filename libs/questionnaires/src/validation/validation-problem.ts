import { DomainError, type FieldProblem } from '@mesecvi/errors';
import type { ValidationResult } from './compiled-questionnaire';

/** The issues as problem+json `errors` (an unknown item has no label, so none is sent). */
export function toFieldProblems(result: ValidationResult): FieldProblem[] {
  return result.errors.map(({ pointer, keyword, message, label }) => ({
    pointer,
    keyword,
    message,
    ...(label === null ? {} : { label }),
  }));
}

/** A 422 carrying every issue, for the submission that must validate strictly. */
export function answersInvalid(
  result: ValidationResult,
  detail = 'The answers are not complete or not valid.',
): DomainError {
  return new DomainError('validation_failed', detail, { errors: toFieldProblems(result) });
}
