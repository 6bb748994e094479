import type { FastifyInstance } from 'fastify';
import { DomainError } from '@mesecvi/errors';

/** Content types parsed as JSON: plain JSON, and JSON Merge Patch (RFC 7396) for partial updates. */
const JSON_CONTENT_TYPES = ['application/json', 'application/merge-patch+json'];

/** Fastify wraps every parse failure alike; valid JSON that was refused can only be prototype poisoning. */
function parseFailure(body: string): DomainError {
  if (body.length === 0) return new DomainError('malformed_json', 'The body is empty but declared as JSON.');
  try {
    JSON.parse(body);
  } catch {
    return new DomainError('malformed_json', 'The body is not valid JSON.');
  }
  return new DomainError('bad_request', 'Keys named "__proto__" (or a "constructor" holding a "prototype") are not accepted.', { extensions: { rule: 'forbidden_json_key' } });
}

/**
 * Fastify's JSON parser (with its prototype-poisoning protection), but failing with our own
 * problem codes: Nest would otherwise flatten it into a bare 400 and lose the code.
 */
export function useProblemJsonParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  for (const type of JSON_CONTENT_TYPES) {
    if (fastify.hasContentTypeParser(type)) fastify.removeContentTypeParser(type);
    fastify.addContentTypeParser(type, { parseAs: 'string' }, (request, raw, done) => {
      const body = typeof raw === 'string' ? raw : raw.toString('utf8');
      parse(request, body, (err, value) => {
        if (err) done(parseFailure(body), undefined);
        else done(null, value);
      });
    });
  }
}
