/** Retries never wait longer than this, however many attempts came before. */
export const RETRY_CAP_MS = 60 * 60 * 1000;

/**
 * Delay before the next attempt after `attempt` failed ones: the base doubling each time, capped,
 * with "equal jitter" (half fixed, half random) so mails that failed together do not retry together.
 */
export function retryDelayMs(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const ceiling = Math.min(RETRY_CAP_MS, baseMs * 2 ** Math.min(exponent, 30));
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}

/** SMTP 5xx replies (bad address, refused) will not succeed on retry; everything else might. */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const code =
    typeof error === 'object' && error !== null ? (error as { responseCode?: unknown }).responseCode : undefined;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** A short, single-line description for `last_error` (no stack; SMTP replies are kept). */
export function describeError(error: unknown, max = 1000): string {
  const e = error as { code?: unknown; responseCode?: unknown; message?: unknown } | null;
  const parts: string[] = [];
  if (e && typeof e.code === 'string') parts.push(e.code);
  if (e && typeof e.responseCode === 'number') parts.push(String(e.responseCode));
  const message = e && typeof e.message === 'string' ? e.message : String(error);
  const line = `${parts.length > 0 ? `${parts.join(' ')}: ` : ''}${message}`.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
