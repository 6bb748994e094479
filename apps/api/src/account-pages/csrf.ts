import Tokens from '@fastify/csrf';
import type { FastifyReply, FastifyRequest } from 'fastify';

// userInfo binds each form token to the link it was issued for.
const tokens = new Tokens({ userInfo: true });
export const CSRF_COOKIE = 'mesecvi_csrf';

/**
 * Double-submit CSRF protection for the account pages: a secret in an HttpOnly, SameSite=Strict
 * cookie and a token derived from it in the form. A form posted from another site has neither.
 */
export function issueCsrfToken(reply: FastifyReply, link: string, secure: boolean): string {
  const secret = tokens.secretSync();
  void reply.setCookie(CSRF_COOKIE, secret, {
    path: '/account',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: 3600,
  });
  return tokens.create(secret, link);
}

export function csrfTokenValid(request: FastifyRequest, link: string, token: unknown): boolean {
  const secret = request.cookies?.[CSRF_COOKIE];
  return (
    typeof secret === 'string' && typeof token === 'string' && token.length > 0 && tokens.verify(secret, token, link)
  );
}
