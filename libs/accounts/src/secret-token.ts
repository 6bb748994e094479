import { createHash, createHmac, randomBytes } from 'node:crypto';

/** A random URL-safe secret (256 bits) and the sha256 we store instead of it. */
export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The refresh token that follows `previous` in its session: an HMAC of it under a server key, as
 * unguessable as a random one without the key, yet computable again from `previous`. That is what
 * lets a refresh token presented twice within the grace answer the very pair its first use got,
 * while only hashes are stored.
 */
export function successorToken(previous: string, key: string): { token: string; hash: string } {
  const token = createHmac('sha256', key).update(previous, 'utf8').digest('base64url');
  return { token, hash: hashToken(token) };
}
