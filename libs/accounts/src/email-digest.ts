import { createHash } from 'node:crypto';

/** Throttle keys and security log lines carry this digest, not the e-mail address. */
export function emailDigest(email: string): string {
  return createHash('sha256').update(email).digest('base64url').slice(0, 22);
}
