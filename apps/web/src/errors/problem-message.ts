import type { MessageKey } from '../i18n/en';
import { PROBLEM_LABELS } from '../i18n/enum-labels';
import { asApiError } from './api-error';

/** The catalogue's sentence for a failed call: by its problem code, never the api's English detail. */
export function problemMessageKey(error: unknown): MessageKey {
  const { status, problem } = asApiError(error);
  if (status === 0) return 'problem.unreachable';
  if (problem) return PROBLEM_LABELS[problem.code] ?? 'problem.generic';
  if (status === 502 || status === 503 || status === 504) return 'problem.unavailable';
  return status >= 500 || status < 0 ? 'problem.internal' : 'problem.generic';
}
