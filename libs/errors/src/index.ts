export { ERROR_CODES, PROBLEM_CONTENT_TYPE, problemType, codeForStatus, type ErrorCode } from './error-codes';
export { buildProblem, type ProblemDocument, type FieldProblem } from './problem';
export {
  DomainError,
  notFound,
  conflict,
  validationFailed,
  localisedError,
  type DomainErrorOptions,
} from './domain-error';
export { toProblem, type ProblemResult } from './to-problem';
export { ProblemFilter, sendProblem, problemLanguage } from './problem.filter';
export { isBackingServiceUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from './unavailable';
export {
  ruleConflict,
  ruleRefusal,
  fieldInvalid,
  constraintConflict,
  rethrowConstraintAsConflict,
  type ConstraintRules,
} from './rule-errors';
export {
  defineRules,
  type RuleEntry,
  type RuleStatus,
  type ConflictRule,
  type FieldRule,
  type RuleCatalogue,
} from './rules';
export {
  MESSAGE_LANGUAGES,
  isMessageLanguage,
  languageFromHeader,
  type MessageLanguage,
  type Messages,
} from './language';
export { localise, placeholdersOf, type LocalisedText, type MessageParams } from './localised-text';
export { CODE_MESSAGES } from './code-messages';
