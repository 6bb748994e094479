import { HttpException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError } from './domain-error';
import { codeForStatus, type ErrorCode } from './error-codes';
import { CODE_MESSAGES } from './code-messages';
import type { MessageLanguage } from './language';
import { localise } from './localised-text';
import { buildProblem, type FieldProblem, type ProblemDocument } from './problem';
import { isBackingServiceUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from './unavailable';
import { isUnstorableText, UNSTORABLE_TEXT_DETAIL } from './unstorable-text';

export interface ProblemResult {
  problem: ProblemDocument;
  headers: Record<string, string>;
  /** Set for unexpected errors: the caller logs the stack under this id. */
  errorId?: string;
  /** Set when a backing service is down (a 503): the caller logs this reason as a warning. */
  unavailable?: string;
}

interface FrameworkError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** Fastify's own errors (body parsing, limits, content types) keyed by their `code`. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_BAD_URL: 'bad_request',
  // A path parameter over 100 characters: no object has such an id.
  FST_ERR_MAX_PARAM_LENGTH: 'not_found',
};

function isFrameworkError(e: unknown): e is FrameworkError {
  return typeof e === 'object' && e !== null && ('statusCode' in e || 'code' in e);
}

function httpExceptionDetail(e: HttpException): string | undefined {
  const response = e.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : e.message;
}

/** The English detail as given, or the code's generic sentence in another language. */
function say(code: ErrorCode, english: string | undefined, language: MessageLanguage): string | undefined {
  return language === 'en' ? english : CODE_MESSAGES[code][language];
}

/** English as the domain said it; another language from the texts the error carries, else the generic sentence. */
function domainProblem(error: DomainError, base: object, language: MessageLanguage): ProblemDocument {
  const { texts, errors, extensions } = error.options;
  const extras = { ...base, errors, ...extensions };
  if (language === 'en') return buildProblem(error.code, error.message, extras);
  const detail = texts?.detail ? localise(texts.detail, language) : CODE_MESSAGES[error.code][language];
  const localisedErrors = errors?.map((e, i): FieldProblem => {
    const text = texts?.errors?.[i];
    return text ? { ...e, message: localise(text, language) } : e;
  });
  return buildProblem(error.code, detail, { ...extras, errors: localisedErrors });
}

/**
 * Turns anything thrown while serving a request into a problem document, its `detail` and field
 * messages in `language` (titles, codes and rules stay as they are: clients branch on them).
 */
export function toProblem(
  error: unknown,
  instance: string,
  requestId?: string,
  language: MessageLanguage = 'en',
): ProblemResult {
  const base = { instance, requestId };
  if (error instanceof DomainError)
    return { problem: domainProblem(error, base, language), headers: error.options.headers ?? {} };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status < 500) {
      const code: ErrorCode = status === 404 ? 'route_not_found' : codeForStatus(status);
      return { problem: buildProblem(code, say(code, httpExceptionDetail(error), language), base), headers: {} };
    }
  }
  if (isFrameworkError(error) && !(error instanceof HttpException)) {
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return { problem: buildProblem(mapped, say(mapped, error.message, language), base), headers: {} };
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // JSON.parse failures surface as plain 400s with a SyntaxError message.
      const code = error instanceof SyntaxError ? 'malformed_json' : codeForStatus(error.statusCode);
      return { problem: buildProblem(code, say(code, error.message, language), base), headers: {} };
    }
  }
  if (isUnstorableText(error))
    return {
      problem: buildProblem('bad_request', say('bad_request', UNSTORABLE_TEXT_DETAIL, language), base),
      headers: {},
    };
  if (isBackingServiceUnavailable(error)) {
    return {
      problem: buildProblem('service_unavailable', CODE_MESSAGES.service_unavailable[language], base),
      headers: { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
      unavailable: error instanceof Error ? error.message : String(error),
    };
  }
  const errorId = randomUUID();
  return {
    problem: buildProblem('internal_error', CODE_MESSAGES.internal_error[language], {
      ...base,
      errorId,
    }),
    headers: {},
    errorId,
  };
}
