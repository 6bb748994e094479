import type { components } from '@mesecvi/api-client';

export type Problem = components['schemas']['Problem'];

/**
 * A refusal or failure of an api call: its status, the problem document when there was one, and
 * the request id (`x-request-id`) a person quotes to the secretariat. `status` 0 is a network
 * failure: the api was not reached at all.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    readonly requestId: string | undefined,
    readonly retryAfterSeconds?: number,
  ) {
    super(`api answered ${status}${problem ? ` ${problem.code}${problem.rule ? `/${problem.rule}` : ''}` : ''}`);
    this.name = 'ApiError';
  }
}

/** What a typed client call returns: data on success, else the error body and the response. */
interface CallResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string';
}

/**
 * The data of a typed client call, or an ApiError: with the problem and request id when the api
 * answered, with status 0 when it could not be reached at all.
 */
export async function call<T>(pending: Promise<CallResult<T>>): Promise<T> {
  let result: CallResult<T>;
  try {
    result = await pending;
  } catch {
    throw new ApiError(0, undefined, undefined);
  }
  return unwrap(result);
}

/** The data of a successful call, or an ApiError carrying its problem and request id. */
export function unwrap<T>(result: CallResult<T>): T {
  const { response } = result;
  if (response.ok && result.error === undefined) return result.data as T;
  const retryAfter = Number(response.headers.get('retry-after'));
  throw new ApiError(
    response.status,
    isProblem(result.error) ? result.error : undefined,
    response.headers.get('x-request-id') ?? (isProblem(result.error) ? result.error.requestId : undefined),
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

/** Status of an error that did not come from the api: a fault of the page itself. */
export const PAGE_FAULT = -1;

/** Anything thrown while loading or saving, as an ApiError (a fault of the page when not from a call). */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(PAGE_FAULT, undefined, undefined);
}

/** A failure worth retrying by itself: the api unreachable, restarting, or a backing service down. */
export function isTransient(error: unknown): boolean {
  const { status } = asApiError(error);
  return status === 0 || status === 502 || status === 503 || status === 504;
}
