import { DomainError } from '@mesecvi/errors';
import { isUuid } from '@mesecvi/http';

/** Where a page ended: the (created_at, id) of its last row, newest-first order. */
export interface OutboxCursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(cursor: OutboxCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id]), 'utf8').toString('base64url');
}

/** An opaque token from a previous page; anything else is the caller's mistake (422 naming `cursor`). */
export function decodeCursor(token: string): OutboxCursor {
  const invalid = (): DomainError =>
    new DomainError('validation_failed', 'The query parameter "cursor" is not valid.', {
      errors: [{ pointer: '/cursor', keyword: 'cursor', message: 'cursor must be a value returned as nextCursor' }],
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string')
    throw invalid();
  const createdAt = new Date(parsed[0]);
  if (Number.isNaN(createdAt.getTime()) || !isUuid(parsed[1])) throw invalid();
  return { createdAt, id: parsed[1] };
}
