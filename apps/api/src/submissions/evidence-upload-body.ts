import type { FastifyInstance } from 'fastify';
import type { Role } from '@mesecvi/http';

/** The one route that takes raw bytes; its body limit is the evidence limit, not the JSON one. */
export const EVIDENCE_UPLOAD_ROUTE = { method: 'POST', url: '/evaluations/:id/attachments' } as const;

/** Who may upload evidence: the route's access rule, and the gate that checks it before the body. */
export const UPLOADER_ROLES: readonly Role[] = ['secretariat', 'state_focal_point', 'state_contributor'];

/**
 * Evidence files arrive as raw `application/octet-stream` bodies (name in `X-Filename`) rather
 * than multipart: one file per request needs no parser plugin, and the type is judged from the
 * bytes anyway. Must be called before the routes are registered (the hook adjusts their limit).
 */
export function useEvidenceUploadBody(fastify: FastifyInstance, maxBytes: number): void {
  fastify.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  );
  fastify.addHook('onRoute', (options) => {
    const methods = Array.isArray(options.method) ? options.method : [options.method];
    if (options.url === EVIDENCE_UPLOAD_ROUTE.url && methods.includes(EVIDENCE_UPLOAD_ROUTE.method))
      options.bodyLimit = maxBytes;
  });
}
