import { DomainError, ruleConflict } from '@mesecvi/errors';
import { contentHash } from '@mesecvi/questionnaires';
import type { EntityManager } from 'typeorm';
import { SUBMISSION_RULES } from './submission-rules';

const KEY = /^[\x21-\x7e]{1,255}$/;

/** Checks the header's form: 1–255 visible ASCII characters (a UUID is typical). */
export function checkIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!KEY.test(key))
    throw new DomainError(
      'bad_request',
      'Idempotency-Key must be 1 to 255 visible ASCII characters (a UUID, for example).',
    );
  return key;
}

/** The fingerprint a repeat must match: the same evaluation, body and precondition. */
export const requestFingerprint = (parts: Record<string, unknown>): string => contentHash(parts);

/**
 * The first answer given for this caller's key, or null when the key is new. The same key with
 * another request is a client bug: 409, nothing done.
 */
export async function replayedAnswer<T>(
  manager: EntityManager,
  userId: string,
  key: string,
  fingerprint: string,
): Promise<T | null> {
  const rows: Array<{ request_hash: string; response: T }> = await manager.query(
    'SELECT request_hash, response FROM submission_idempotency WHERE user_id = $1 AND idempotency_key = $2',
    [userId, key],
  );
  if (!rows[0]) return null;
  if (rows[0].request_hash !== fingerprint) {
    throw ruleConflict(SUBMISSION_RULES.idempotency_key_reused);
  }
  return rows[0].response;
}
