import { DomainError } from '@mesecvi/errors';

export const etagOf = (version: number): string => `"${version}"`;

/** The draft changed since the caller read it: 412 with the current ETag, so the client can re-read. */
export function staleDraft(currentVersion: number, what = 'The draft'): DomainError {
  return new DomainError(
    'precondition_failed',
    `${what} changed since you read it; read it again (current ETag ${etagOf(currentVersion)}).`,
    {
      headers: { etag: etagOf(currentVersion) },
      extensions: { currentEtag: etagOf(currentVersion) },
    },
  );
}

/**
 * The version an `If-Match` header names (`"3"`, `W/"3"` or `3`). Missing → 428. Anything that
 * is not one of our ETags (including `*`) can never match → null, which the caller turns into 412.
 */
export function expectedVersion(ifMatch: string | undefined): number | null {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw new DomainError(
      'precondition_required',
      'Send If-Match with the ETag of the draft you read (GET the draft first).',
    );
  }
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
  return m ? Number(m[1]) : null;
}
