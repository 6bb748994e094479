import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, PROBLEM_CONTENT_TYPE, problemLanguage, toProblem } from '@mesecvi/errors';
import { Authenticator } from '@mesecvi/http';
import { JobQueues } from '@mesecvi/jobs';

export const QUEUE_DASHBOARD_PATH = '/operations/queues-ui';
const SESSION_COOKIE = 'mesecvi_ops';

/**
 * bull-board, for the secretariat only. It is a browser page and browsers send no Bearer header,
 * so `…/session` (called with the Bearer token) sets a short-lived HttpOnly cookie holding the
 * same access token; every dashboard request is checked against it through the Authenticator.
 */
export async function mountQueueDashboard(app: NestFastifyApplication, secureCookies: boolean): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: app
      .get(JobQueues)
      .all()
      .map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
  });
  const authenticator = app.get(Authenticator);

  const refuse = (request: FastifyRequest, reply: FastifyReply, error: DomainError): void => {
    const { problem, headers } = toProblem(error, request.url, String(request.id), problemLanguage(request));
    void reply
      .status(problem.status)
      .headers(headers)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problem));
  };

  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', async (request, reply) => {
      const cookie = request.cookies?.[SESSION_COOKIE];
      if (!request.headers.authorization && cookie) request.headers.authorization = `Bearer ${cookie}`;
      const caller = await authenticator.authenticate(request);
      if (!caller)
        return refuse(
          request,
          reply,
          new DomainError('unauthenticated', 'Sign in as the secretariat first.', {
            headers: { 'www-authenticate': 'Bearer' },
          }),
        );
      if (caller.role !== 'secretariat')
        return refuse(request, reply, new DomainError('forbidden', 'The queue dashboard is for the secretariat.'));
      if (request.url.startsWith(`${QUEUE_DASHBOARD_PATH}/session`)) {
        const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
        void reply
          .setCookie(SESSION_COOKIE, token, {
            path: QUEUE_DASHBOARD_PATH,
            httpOnly: true,
            sameSite: 'strict',
            secure: secureCookies,
            maxAge: 900,
          })
          .status(204)
          .send();
      }
    });
    scope.post(`${QUEUE_DASHBOARD_PATH}/session`, async () => undefined);
    await scope.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
}
