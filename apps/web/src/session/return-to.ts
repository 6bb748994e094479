/** Where a person lands after signing in when no (acceptable) page was asked for. */
export const SIGNED_IN_HOME = '/app';

/** Backslashes and control characters: browsers read `/\host` as `//host`, and strip tabs and newlines. */
const UNSAFE_CHARACTERS = /[\\\p{Cc}]/u;

/**
 * The page to return to after signing in: `raw` when it is a path of the app's signed-in space
 * (`/app` or below, with its query and fragment), else the signed-in home. Anything that could
 * leave the site is refused, including in its percent-encoded forms: `//evil.example`,
 * `https://evil.example`, `/\evil.example`, `/%2F/evil.example`.
 */
export function safeReturnTo(raw: string | null | undefined): string {
  if (!raw) return SIGNED_IN_HOME;
  let decoded = raw;
  // Decoded until stable: a value encoded twice must not pass on the second reading.
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return SIGNED_IN_HOME;
    }
    if (next === decoded) break;
    decoded = next;
  }
  if (UNSAFE_CHARACTERS.test(decoded) || decoded.startsWith('//')) return SIGNED_IN_HOME;
  if (![raw, decoded].every((form) => /^\/app(?:[/?#]|$)/.test(form))) return SIGNED_IN_HOME;
  // What the browser would open must stay on this origin, in the app's space.
  const base = 'https://app.invalid';
  const resolved = new URL(raw, base);
  if (resolved.origin !== base || !/^\/app(?:\/|$)/.test(resolved.pathname)) return SIGNED_IN_HOME;
  return `${resolved.pathname}${resolved.search}${resolved.hash}`;
}

/** The sign-in page's address that returns to `path` afterwards. */
export function signInFor(path: string): string {
  return `/sign-in?returnTo=${encodeURIComponent(safeReturnTo(path))}`;
}
