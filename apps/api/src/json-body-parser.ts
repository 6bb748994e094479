import type { FastifyInstance } from 'fastify';
import { DomainError } from '@mesecvi/errors';

/**
 * Fastify's JSON parser (with its prototype-poisoning protection), but failing with our own
 * `malformed_json` error: Nest would otherwise flatten it into a bare 400 and lose the code.
 */
export function useProblemJsonParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, raw, done) => {
    const body = typeof raw === 'string' ? raw : raw.toString('utf8');
    parse(request, body, (err, value) => {
      if (err) done(new DomainError('malformed_json', body.length === 0 ? 'The body is empty but declared as JSON.' : 'The body is not valid JSON.'), undefined);
      else done(null, value);
    });
  });
}
