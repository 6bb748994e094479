/** The longest wait one account's failed sign-ins impose: long enough to stop guessing, short enough that nobody is locked out. */
export const MAX_LOGIN_DELAY_SECONDS = 60;

/**
 * Seconds the next sign-in of an account must wait after its `failures`-th failure in the window:
 * none for the first `free - 1`, then 1 s, doubling with each further failure up to the cap.
 */
export function loginDelaySeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(MAX_LOGIN_DELAY_SECONDS, 2 ** Math.min(failures - free, 16));
}
