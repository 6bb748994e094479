import { Body, Controller, HttpCode, Logger, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AjvBodyPipe, ApiProblems, Authenticator, Public, openApiSchema } from '@mesecvi/http';
import { ClientErrorReportSchema, type ClientErrorReport } from './client-error.dto';
import { ClientErrorsRateLimitGuard } from './client-errors-rate-limit.guard';

/**
 * Errors the web application met in the browser, written to the api's log (warn) under this
 * request's id, so the secretariat can find what a person quoting a request id saw. Anyone may
 * report (a sign-in page fails too); a valid Bearer token adds the account's id.
 */
@ApiTags('operations')
@Controller('client-errors')
export class ClientErrorsController {
  private readonly logger = new Logger('ClientErrors');

  constructor(private readonly authenticator: Authenticator) {}

  @Post()
  @Public()
  @UseGuards(ClientErrorsRateLimitGuard)
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Report an error the web application met in the browser: logged with the request id (and the account, with a valid Bearer token); limited per client address (429 + Retry-After)',
  })
  @ApiBody({ schema: openApiSchema(ClientErrorReportSchema) })
  @ApiNoContentResponse()
  @ApiProblems({ 422: true, 429: true })
  async report(
    @Body(new AjvBodyPipe(ClientErrorReportSchema)) body: ClientErrorReport,
    @Req() req: FastifyRequest,
  ): Promise<void> {
    const caller = await this.authenticator.authenticate(req);
    this.logger.warn({
      msg: 'client error',
      requestId: String(req.id),
      accountId: caller?.userId ?? null,
      reportedRequestId: body.requestId ?? null,
      message: body.message,
      url: body.url,
      stack: body.stack ?? null,
      userAgent: body.userAgent ?? null,
    });
  }
}
