import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiCookieAuth,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  type ApiHeaderOptions,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ACCOUNT_RULES,
  BrowserSessionSchema,
  BrowserSessionService,
  type BrowserSession,
  type BrowserSessionGrant,
} from '@mesecvi/accounts';
import { AjvBodyPipe, ApiProblems, Public, openApiSchema } from '@mesecvi/http';
import { EmptySessionBodySchema, LoginSchema, type LoginBody } from './auth.dto';
import { SESSION_COOKIE, SessionCookie } from './session-cookie';

const SESSION_HEADER_DOC: ApiHeaderOptions = {
  name: 'X-Mesecvi-Session',
  required: true,
  description: 'Must be `1`; with a JSON body, what a cross-site form or script cannot send (403 otherwise)',
  schema: { type: 'string', enum: ['1'] },
};

const SET_COOKIE_DOC = {
  'Set-Cookie': {
    description: `\`${SESSION_COOKIE}=<refresh token>; HttpOnly; SameSite=Strict; Path=/auth/session; Max-Age=<refresh lifetime>\` (and \`Secure\` over https)`,
    schema: { type: 'string' },
  },
};
const CLEAR_COOKIE_DOC = {
  'Set-Cookie': { description: `Clears \`${SESSION_COOKIE}\` (expired, same path)`, schema: { type: 'string' } },
};

const gateProblems = [ACCOUNT_RULES.session_header_required, ACCOUNT_RULES.session_json_required];

/**
 * The web application's session: the refresh token lives in an HttpOnly cookie that only these
 * three routes read; every other route wants the access token as a Bearer header.
 */
@ApiTags('auth')
@ApiHeader(SESSION_HEADER_DOC)
@Controller('auth/session')
export class SessionController {
  constructor(
    private readonly sessions: BrowserSessionService,
    @Inject(SessionCookie) private readonly cookie: SessionCookie,
  ) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sign in on a browser: the access token in the body, the refresh token in an HttpOnly cookie; throttled as /auth/login (429 + Retry-After)',
  })
  @ApiBody({ schema: openApiSchema(LoginSchema) })
  @ApiOkResponse({ schema: openApiSchema(BrowserSessionSchema), headers: SET_COOKIE_DOC })
  @ApiProblems({ 401: true, 403: gateProblems, 422: true })
  async start(
    @Body(new AjvBodyPipe(LoginSchema)) body: LoginBody,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BrowserSession> {
    return this.grant(reply, await this.sessions.start(body.email, body.password, req.ip, String(req.id)));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({
    summary:
      'Renew a browser session from its cookie: a new access token, the cookie rotated; the same token presented again within seconds of its rotation answers the same pair, later it ends the session',
  })
  @ApiBody({ schema: openApiSchema(EmptySessionBodySchema) })
  @ApiOkResponse({ schema: openApiSchema(BrowserSessionSchema), headers: SET_COOKIE_DOC })
  @ApiProblems({
    401: [ACCOUNT_RULES.session_cookie_missing, ACCOUNT_RULES.session_expired],
    403: gateProblems,
    422: true,
  })
  async refresh(
    @Body(new AjvBodyPipe(EmptySessionBodySchema)) _body: object,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BrowserSession> {
    try {
      return this.grant(reply, await this.sessions.refresh(this.cookie.read(req), String(req.id)));
    } catch (e) {
      this.cookie.clear(reply);
      throw e;
    }
  }

  @Post('end')
  @Public()
  @HttpCode(204)
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({
    summary:
      'Sign out a browser: ends the cookie’s session (its refresh and access tokens) even when the access token has expired; clears the cookie; 204 without a cookie too',
  })
  @ApiBody({ schema: openApiSchema(EmptySessionBodySchema) })
  @ApiNoContentResponse({ headers: CLEAR_COOKIE_DOC })
  @ApiProblems({ 403: gateProblems, 422: true })
  async end(
    @Body(new AjvBodyPipe(EmptySessionBodySchema)) _body: object,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.sessions.end(this.cookie.read(req), String(req.id));
    this.cookie.clear(reply);
  }

  private grant(reply: FastifyReply, grant: BrowserSessionGrant): BrowserSession {
    this.cookie.set(reply, grant.refreshToken, grant.refreshMaxAgeSeconds);
    return grant.session;
  }
}
