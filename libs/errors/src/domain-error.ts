import { ERROR_CODES, type ErrorCode } from './error-codes';
import type { Messages } from './language';
import type { LocalisedText } from './localised-text';
import type { FieldProblem } from './problem';

export interface DomainErrorOptions {
  errors?: FieldProblem[];
  /** Extra members of the problem document (e.g. `currentEtag`). Ids and names only. */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
  /**
   * `detail` and each of `errors[].message` in every language; the filter picks the caller's.
   * Without them a non-English caller reads the code's generic sentence and the field messages as given.
   */
  texts?: { detail?: LocalisedText; errors?: ReadonlyArray<LocalisedText | undefined> };
}

/**
 * The one error type domain code throws. It carries a stable code; the global filter turns it
 * into problem+json, so services never think about HTTP.
 */
export class DomainError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: DomainErrorOptions = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.status = ERROR_CODES[code].status;
  }
}

export const notFound = (what: string): DomainError => new DomainError('not_found', `${what} was not found`);
export const conflict = (message: string, extensions?: Record<string, unknown>): DomainError =>
  new DomainError('conflict', message, { extensions });
export const validationFailed = (message: string, errors: FieldProblem[]): DomainError =>
  new DomainError('validation_failed', message, { errors });

/** An error whose detail is one sentence in every language (no rule: a refusal of its own kind). */
export const localisedError = (code: ErrorCode, messages: Messages, options: DomainErrorOptions = {}): DomainError =>
  new DomainError(code, messages.en, { ...options, texts: { detail: { messages } } });
