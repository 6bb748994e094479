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
  return new DomainError(
    'bad_request',
    'Keys named "__proto__" (or a "constructor" holding a "prototype") are not accepted.',
    { extensions: { rule: 'forbidden_json_key' } },
  );
}

/**
 * Whether Fastify's parser (secure-json-parse) could find anything to refuse in a text: it only
 * looks further when a key spells `__proto__` or `constructor`, literally or with \u escapes.
 * Three substring searches rule that out far faster than its two regular expressions, which run
 * over the whole body (a 28 KB draft on every save).
 */
const mayPoison = (body: string): boolean =>
  body.includes('__proto__') || body.includes('constructor') || body.includes('\\u');

/**
 * Fastify's JSON parser (with its prototype-poisoning protection), but failing with our own
 * problem codes: Nest would otherwise flatten it into a bare 400 and lose the code. The body is
 * read as bytes and decoded once (Fastify's string mode decodes chunk by chunk and measures each
 * again); a text that cannot hold a poisoned key is parsed with plain JSON.parse, which is all
 * Fastify's parser would do with it (after dropping a byte order mark, as it does).
 */
export function useProblemJsonParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  for (const type of JSON_CONTENT_TYPES) {
    if (fastify.hasContentTypeParser(type)) fastify.removeContentTypeParser(type);
    fastify.addContentTypeParser(type, { parseAs: 'buffer' }, (request, raw, done) => {
      const body = typeof raw === 'string' ? raw : raw.toString('utf8');
      if (body.length > 0 && !mayPoison(body)) {
        let value: unknown;
        const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
        try {
          value = JSON.parse(text);
        } catch {
          done(parseFailure(body), undefined);
          return;
        }
        done(null, value);
        return;
      }
      // Fastify's default parser answers through the callback; it returns nothing to wait for.
      void parse(request, body, (err, value) => {
        if (err) done(parseFailure(body), undefined);
        else done(null, value);
      });
    });
  }
}
