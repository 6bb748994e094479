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
