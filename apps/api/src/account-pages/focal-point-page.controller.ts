import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { focalPointPage, languageFromHeader } from '@mesecvi/accounts';
import { LANGUAGES, Public, type Language } from '@mesecvi/http';

/**
 * The page a permanent mission reaches from its mails while its state has no focal point: how to
 * designate one. Public (the mission has no account); the mail's link names its language.
 */
@ApiTags('account pages')
@Controller('focal-point')
export class FocalPointPageController {
  @Get()
  @Public()
  @ApiOperation({ summary: 'How a state designates its national focal point (HTML, en/es/fr/pt)' })
  @ApiQuery({ name: 'lang', required: false, enum: LANGUAGES })
  @ApiProduces('text/html')
  show(
    @Query('lang') lang: string | undefined,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    const language = (LANGUAGES as readonly string[]).includes(lang ?? '')
      ? (lang as Language)
      : languageFromHeader(req.headers['accept-language']);
    void reply.status(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache');
    return focalPointPage(language);
  }
}
