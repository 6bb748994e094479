/**
 * Recognises an error that means a backing service (PostgreSQL, Redis) is not answering, as
 * opposed to a bug: the request may succeed later, so it is a 503 with Retry-After, not a 500.
 * Checked structurally (codes and messages of pg, TypeORM and ioredis), so this library needs
 * none of them.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** SQLSTATE: class 08 connection exception; 57P01–57P03 shutdown / crash / cannot connect now; 53300 too many connections. */
const SQLSTATES = /^(08...|57P0[123]|53300)$/;

const MESSAGES = [
  /Connection terminated/i, // pg: the server went away mid-query
  /timeout exceeded when trying to connect/i, // pg pool
  /Client has encountered a connection error/i, // pg
  /Connection is closed/i, // ioredis
  /enableOfflineQueue options is false/i, // ioredis, disconnected
  /Reached the max retries per request limit/i, // ioredis
];

/** Seconds a client should wait before retrying while a backing service is down. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

export function isBackingServiceUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 3) return false;
  const e = error as {
    code?: unknown;
    message?: unknown;
    name?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SQLSTATES.test(e.code))) return true;
  if (e.name === 'MaxRetriesPerRequestError') return true;
  // TypeORM releases a transaction's query runner when its connection dies mid-transaction; the
  // transaction's next query then throws one of these instead of a connection error (seen when
  // PostgreSQL stopped during a submit: the entity manager's own queries, and raw `manager.query`
  // through the data source). Outside an outage it would mean a query after commit, a bug the
  // tests would show as a 503 where a 2xx was expected.
  if (
    e.name === 'QueryRunnerAlreadyReleasedError' ||
    e.name === 'QueryRunnerProviderAlreadyReleasedError' ||
    (typeof e.message === 'string' &&
      /^(Query runner already released|Database connection provided by a query runner was already released)/.test(
        e.message,
      ))
  )
    return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  // AggregateError (a connect to several addresses), TypeORM's QueryFailedError, `cause` chains.
  if (Array.isArray(e.errors) && e.errors.some((inner) => isBackingServiceUnavailable(inner, depth + 1))) return true;
  return isBackingServiceUnavailable(e.driverError, depth + 1) || isBackingServiceUnavailable(e.cause, depth + 1);
}
