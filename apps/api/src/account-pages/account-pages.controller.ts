import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  AccountLinksService,
  donePage,
  expiredFormPage,
  invalidLinkPage,
  languageFromHeader,
  passwordFormPage,
  type PagePurpose,
  type PasswordProblem,
} from '@mesecvi/accounts';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { DomainError } from '@mesecvi/errors';
import { Public } from '@mesecvi/http';
import { csrfTokenValid, issueCsrfToken } from './csrf';

interface PasswordForm {
  password?: unknown;
  confirmation?: unknown;
  _csrf?: unknown;
}

const PURPOSES: Record<string, PagePurpose> = { invitation: 'invitation', 'password-reset': 'password_reset' };

/**
 * The two small server-rendered pages people reach from an e-mail: accept an invitation, reset a
 * password. HTML in the person's language, no JavaScript, CSRF-protected forms.
 */
@ApiTags('account pages')
@Controller('account')
export class AccountPagesController {
  constructor(
    private readonly links: AccountLinksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':kind/:token')
  @Public()
  @ApiOperation({
    summary: 'Page opened from an invitation or password-reset e-mail: a form to choose a password (HTML)',
  })
  @ApiProduces('text/html')
  async show(
    @Param('kind') kind: string,
    @Param('token') token: string,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const purpose = this.purpose(kind);
    const holder = await this.links.holder(purpose, token);
    if (!holder) return this.html(reply, 410, invalidLinkPage(languageFromHeader(req.headers['accept-language'])));
    const csrfToken = issueCsrfToken(reply, token, this.config.http.publicBaseUrl.startsWith('https:'));
    return this.html(
      reply,
      200,
      passwordFormPage({ purpose, language: holder.language, name: holder.name, csrfToken }),
    );
  }

  @Post(':kind/:token')
  @Public()
  @ApiOperation({ summary: 'Form post of the invitation or password-reset page (HTML)' })
  async submit(
    @Param('kind') kind: string,
    @Param('token') token: string,
    @Body() body: PasswordForm | undefined,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const purpose = this.purpose(kind);
    const holder = await this.links.holder(purpose, token);
    const language = holder?.language ?? languageFromHeader(req.headers['accept-language']);
    if (!holder) return this.html(reply, 410, invalidLinkPage(language));
    if (!csrfTokenValid(req, token, body?._csrf)) return this.html(reply, 403, expiredFormPage(language));
    const password = typeof body?.password === 'string' ? body.password : '';
    const confirmation = typeof body?.confirmation === 'string' ? body.confirmation : '';
    try {
      await this.links.complete(purpose, token, password, confirmation, String(req.id));
      return this.html(reply, 200, donePage(purpose, language));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.code === 'validation_failed') {
        const problem = e.options.errors?.[0]?.keyword as PasswordProblem | undefined;
        const csrfToken = issueCsrfToken(reply, token, this.config.http.publicBaseUrl.startsWith('https:'));
        return this.html(reply, 422, passwordFormPage({ purpose, language, name: holder.name, csrfToken, problem }));
      }
      return this.html(reply, 410, invalidLinkPage(language));
    }
  }

  private purpose(kind: string): PagePurpose {
    const purpose = PURPOSES[kind];
    if (!purpose) throw new DomainError('route_not_found', `No page /account/${kind}`);
    return purpose;
  }

  private html(reply: FastifyReply, status: number, body: string): string {
    void reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
    return body;
  }
}
