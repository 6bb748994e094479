import { isTransient } from './api-error';

/** The longest wait between two tries while the api is unreachable. */
const MAX_RETRY_DELAY_MS = 5_000;

/**
 * How every query retries: without end while the api cannot be reached or is restarting (the
 * page says so and recovers by itself), never after a refusal (a 4xx says the same again).
 */
export const QUERY_RETRY = {
  retry: (_failures: number, error: unknown) => isTransient(error),
  retryDelay: (failures: number) => Math.min(500 * 2 ** failures, MAX_RETRY_DELAY_MS),
};
