import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import cookie from '@fastify/cookie';
import formBody from '@fastify/formbody';
import { useSessionRequestGate } from './auth/session-request-gate';

/**
 * The account pages' plain HTML forms and their CSRF cookie (forms reach no other route:
 * useBodyMediaTypes), and the browser session's cookie, read only by the session routes behind their gate.
 */
export async function registerForms(app: NestFastifyApplication): Promise<void> {
  await app.register(formBody);
  await app.register(cookie);
  useSessionRequestGate(app.getHttpAdapter().getInstance());
}
