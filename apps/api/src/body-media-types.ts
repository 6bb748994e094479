import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { DomainError, sendProblem } from '@mesecvi/errors';
import { EVIDENCE_UPLOAD_ROUTE } from './submissions/evidence-upload-body';

const JSON_TYPES = ['application/json', 'application/merge-patch+json'];
const FORM = 'application/x-www-form-urlencoded';
const BYTES = 'application/octet-stream';

/** The HTML account pages (invitation, password reset) post plain forms; nothing else does. */
const FORM_ROUTE = { method: 'POST', url: '/account/:kind/:token' } as const;

function acceptedTypes(method: string, url: string): readonly string[] {
  if (method === FORM_ROUTE.method && url === FORM_ROUTE.url) return [FORM, ...JSON_TYPES];
  if (method === EVIDENCE_UPLOAD_ROUTE.method && url === EVIDENCE_UPLOAD_ROUTE.url) return [BYTES, ...JSON_TYPES];
  return JSON_TYPES;
}

const hasBody = (headers: Record<string, string | string[] | undefined>): boolean =>
  headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;

/**
 * Refuses a body of a type the route does not take, before it is read: a form (which a browser
 * sends cross-site without a preflight) only reaches the account pages, raw bytes only the
 * evidence upload, and everything else takes JSON. 415 problem+json naming the accepted types.
 */
export function useBodyMediaTypes(fastify: FastifyInstance): void {
  const logger = new Logger('Http');
  fastify.addHook('preParsing', async (request, reply, payload) => {
    const header = request.headers['content-type'];
    const url = request.routeOptions.url;
    // No route (404) or no body: nothing to refuse.
    if (url === undefined || header === undefined || !hasBody(request.headers)) return payload;
    const type = header.split(';')[0].trim().toLowerCase();
    const accepted = acceptedTypes(request.method, url);
    if (accepted.includes(type)) return payload;
    const refused = new DomainError(
      'unsupported_media_type',
      `Send this request as ${accepted.join(' or ')}${type ? ` (not ${type})` : ''}.`,
      { extensions: { rule: 'media_type', accepted } },
    );
    sendProblem(refused, request, reply, logger);
    return reply;
  });
}
