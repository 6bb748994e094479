import type { FastifyReply, FastifyRequest } from 'fastify';

/** The browser session's refresh token cookie, sent by the browser to the session routes only. */
export const SESSION_COOKIE = 'mesecvi_session';
export const SESSION_COOKIE_PATH = '/auth/session';

/** The routes authenticated by the cookie (and guarded by the session header): `POST` each. */
export const SESSION_ROUTES: readonly string[] = [SESSION_COOKIE_PATH, '/auth/session/refresh', '/auth/session/end'];

/**
 * Writes and clears the cookie: HttpOnly (no page script reads it), SameSite=Strict (no other site
 * makes the browser send it), scoped to the session routes' path, and Secure when the platform is
 * served over https (a pilot on plain http must still be able to sign in).
 */
export class SessionCookie {
  constructor(private readonly secure: boolean) {}

  read(request: FastifyRequest): string | undefined {
    const value = request.cookies[SESSION_COOKIE];
    return value && value.length > 0 ? value : undefined;
  }

  set(reply: FastifyReply, refreshToken: string, maxAgeSeconds: number): void {
    void reply.setCookie(SESSION_COOKIE, refreshToken, { ...this.attributes(), maxAge: maxAgeSeconds });
  }

  clear(reply: FastifyReply): void {
    void reply.clearCookie(SESSION_COOKIE, this.attributes());
  }

  private attributes() {
    return { path: SESSION_COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: this.secure } as const;
  }
}
