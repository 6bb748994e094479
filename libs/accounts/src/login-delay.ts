/** The longest wait one account's failed sign-ins impose: long enough to stop guessing, short enough that nobody is locked out. */
export const MAX_LOGIN_DELAY_SECONDS = 60;

/**
 * The wait an account's `attempt`-th sign-in attempt in the window opens for the next one (no
 * success between): none for the first `free - 1`, then 1 s, doubling with each further attempt
 * up to the cap. So after `free` failures the next attempt waits 1 s, then 2 s, 4 s, …
 */
export function loginDelaySeconds(attempt: number, free: number): number {
  if (attempt < free) return 0;
  return Math.min(MAX_LOGIN_DELAY_SECONDS, 2 ** Math.min(attempt - free, 16));
}
