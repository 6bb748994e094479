export { ERROR_CODES, PROBLEM_CONTENT_TYPE, problemType, codeForStatus, type ErrorCode } from './error-codes';
export { buildProblem, type ProblemDocument, type FieldProblem } from './problem';
export { DomainError, notFound, conflict, validationFailed, type DomainErrorOptions } from './domain-error';
export { toProblem, type ProblemResult } from './to-problem';
export { ProblemFilter, sendProblem } from './problem.filter';
export { isBackingServiceUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from './unavailable';
export { ruleConflict, fieldInvalid, rethrowConstraintAsConflict, type ConstraintRules } from './rule-errors';
