import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { AuthService, PasswordResetService, TokenPairSchema, type TokenPair } from '@mesecvi/accounts';
import {
  AjvBodyPipe,
  ApiProblems,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  Public,
  type Caller,
  type RequestMeta,
  openApiSchema,
} from '@mesecvi/http';
import {
  LoginSchema,
  PASSWORD_RESET_MESSAGE,
  PasswordResetAnswerSchema,
  PasswordResetSchema,
  RefreshSchema,
  type LoginBody,
  type PasswordResetAnswer,
  type PasswordResetBody,
  type RefreshBody,
} from './auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with e-mail and password; throttled per account and address (429 + Retry-After)' })
  @ApiBody({ schema: openApiSchema(LoginSchema) })
  @ApiOkResponse({ schema: openApiSchema(TokenPairSchema) })
  @ApiProblems({ 401: true, 422: true })
  login(@Body(new AjvBodyPipe(LoginSchema)) body: LoginBody, @Req() req: FastifyRequest): Promise<TokenPair> {
    return this.auth.login(body.email, body.password, req.ip, String(req.id));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a refresh token for a new pair; a reused refresh token ends the whole session' })
  @ApiBody({ schema: openApiSchema(RefreshSchema) })
  @ApiOkResponse({ schema: openApiSchema(TokenPairSchema) })
  @ApiProblems({ 401: true, 422: true })
  refresh(@Body(new AjvBodyPipe(RefreshSchema)) body: RefreshBody, @Req() req: FastifyRequest): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken, String(req.id));
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out: ends this session (its refresh and access tokens)' })
  @ApiNoContentResponse()
  @ApiProblems({ 401: true })
  logout(@CurrentCaller() caller: Caller, @CurrentRequest() meta: RequestMeta): Promise<void> {
    return this.auth.logout(caller, meta);
  }

  @Post('password-reset')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Ask for a password reset link by e-mail; limited per address and per client; the answer is the same whether or not the address has an account or the request was limited',
  })
  @ApiBody({ schema: openApiSchema(PasswordResetSchema) })
  @ApiAcceptedResponse({ schema: openApiSchema(PasswordResetAnswerSchema) })
  @ApiProblems({ 422: true })
  async passwordReset(
    @Body(new AjvBodyPipe(PasswordResetSchema)) body: PasswordResetBody,
    @Req() req: FastifyRequest,
  ): Promise<PasswordResetAnswer> {
    await this.resets.request(body.email, req.ip, String(req.id));
    return { message: PASSWORD_RESET_MESSAGE };
  }
}
