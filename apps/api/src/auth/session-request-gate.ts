import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { ACCOUNT_RULES } from '@mesecvi/accounts';
import { ruleRefusal, sendProblem } from '@mesecvi/errors';
import { SESSION_ROUTES } from './session-cookie';

export const SESSION_HEADER = 'x-mesecvi-session';

/**
 * The session routes act on a cookie the browser attaches by itself, so each must prove it was
 * sent by the app's own script: the custom header and a JSON body are what an HTML form cannot
 * send, and what another site's script cannot send without a CORS preflight, which the api never
 * grants for this header. Checked on request, before the body is read (a form is a 403, not a 415).
 */
export function useSessionRequestGate(fastify: FastifyInstance): void {
  const logger = new Logger('Http');
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'POST' || !SESSION_ROUTES.includes(request.routeOptions.url ?? '')) return;
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const rule =
      request.headers[SESSION_HEADER] !== '1'
        ? ACCOUNT_RULES.session_header_required
        : type !== 'application/json'
          ? ACCOUNT_RULES.session_json_required
          : null;
    if (!rule) return;
    sendProblem(ruleRefusal(rule), request, reply, logger);
    return reply;
  });
}
