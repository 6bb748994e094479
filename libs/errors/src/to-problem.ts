import { HttpException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError } from './domain-error';
import { codeForStatus, type ErrorCode } from './error-codes';
import { buildProblem, type ProblemDocument } from './problem';
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

/** Turns anything thrown while serving a request into a problem document. */
export function toProblem(error: unknown, instance: string, requestId?: string): ProblemResult {
  const base = { instance, requestId };
  if (error instanceof DomainError) {
    return {
      problem: buildProblem(error.code, error.message, {
        ...base,
        errors: error.options.errors,
        ...error.options.extensions,
      }),
      headers: error.options.headers ?? {},
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    if (status < 500) {
      const code: ErrorCode = status === 404 ? 'route_not_found' : codeForStatus(status);
      return { problem: buildProblem(code, httpExceptionDetail(error), base), headers: {} };
    }
  }
  if (isFrameworkError(error) && !(error instanceof HttpException)) {
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return { problem: buildProblem(mapped, error.message, base), headers: {} };
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // JSON.parse failures surface as plain 400s with a SyntaxError message.
      const code = error instanceof SyntaxError ? 'malformed_json' : codeForStatus(error.statusCode);
      return { problem: buildProblem(code, error.message, base), headers: {} };
    }
  }
  if (isUnstorableText(error))
    return { problem: buildProblem('bad_request', UNSTORABLE_TEXT_DETAIL, base), headers: {} };
  if (isBackingServiceUnavailable(error)) {
    return {
      problem: buildProblem('service_unavailable', 'A backing service is not answering. Try again shortly.', base),
      headers: { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
      unavailable: error instanceof Error ? error.message : String(error),
    };
  }
  const errorId = randomUUID();
  return {
    problem: buildProblem('internal_error', 'An unexpected error occurred. Quote the error id when reporting it.', {
      ...base,
      errorId,
    }),
    headers: {},
    errorId,
  };
}
