import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@mesecvi/errors';

const etagOf = (version: number): string => `"${version}"`;

/**
 * The version an `If-Match` header names: `"3"`, `W/"3"` and `3` alike; absent or blank →
 * undefined. Anything else (a list, `*`, another server's tag) is not one of our ETags and can
 * never match → 412.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new DomainError('precondition_failed', 'If-Match must be an ETag this API sent, e.g. "3".');
  return Number(match[1]);
}

/**
 * A write's precondition, parsed from If-Match once per request. A required one answers 428 only
 * when the service asks for its version, after its own not-found and access checks: a caller who
 * may not see the resource learns that first, whatever headers they sent.
 */
export class Precondition {
  constructor(
    private readonly expected: number | undefined,
    readonly required: boolean,
  ) {}

  /**
   * The version the write expects; undefined (optional header, absent) applies the write to the
   * current version. `current` is sent back with a 428 so the client can retry.
   */
  version(current?: number): number | undefined {
    if (this.expected === undefined && this.required) {
      const known = current === undefined ? undefined : etagOf(current);
      throw new DomainError(
        'precondition_required',
        'Send If-Match with the ETag of what you read (GET it first).',
        known ? { headers: { etag: known }, extensions: { currentEtag: known } } : {},
      );
    }
    return this.expected;
  }
}

/** `@IfMatch({ required: true }) precondition: Precondition`; an unparseable header answers 412 here. */
export const IfMatch = createParamDecorator(
  (options: { required: boolean }, ctx: ExecutionContext): Precondition =>
    new Precondition(
      parseIfMatch(ctx.switchToHttp().getRequest<FastifyRequest>().headers['if-match']),
      options.required,
    ),
);
