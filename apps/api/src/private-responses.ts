import type { FastifyInstance } from 'fastify';
import { callerOf } from '@mesecvi/http';
import { SESSION_ROUTES } from './auth/session-cookie';

/** Answers that carry tokens, whoever asks. */
const TOKEN_ROUTES = new Set(['/auth/login', '/auth/refresh', ...SESSION_ROUTES]);

/**
 * `Cache-Control: no-store` on token responses and on every answer to a signed-in caller (their
 * data, never to be kept by a browser or a shared cache), unless the route chose its own.
 */
export function usePrivateResponses(fastify: FastifyInstance): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (reply.hasHeader('cache-control')) return payload;
    if (callerOf(request) || TOKEN_ROUTES.has(request.routeOptions.url ?? ''))
      void reply.header('cache-control', 'no-store');
    return payload;
  });
}
