import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import cookie from '@fastify/cookie';
import formBody from '@fastify/formbody';

/** The account pages' plain HTML forms and their CSRF cookie (forms reach no other route: useBodyMediaTypes). */
export async function registerForms(app: NestFastifyApplication): Promise<void> {
  await app.register(formBody);
  await app.register(cookie);
}
