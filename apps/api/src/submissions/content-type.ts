import { DomainError } from '@mesecvi/errors';

/** 415 unless the request's media type is `expected` (parameters such as charset are ignored). */
export function requireContentType(header: string | undefined, expected: string, hint: string): void {
  const given = (header ?? '').split(';')[0].trim().toLowerCase();
  if (given === expected) return;
  throw new DomainError(
    'unsupported_media_type',
    `Send this request as ${expected}${given ? ` (not ${given})` : ''}. ${hint}`,
  );
}
