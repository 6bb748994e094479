import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ACCOUNT_RULES,
  AccountFilterSchema,
  AccountListSchema,
  AccountsService,
  AccountViewSchema,
  InvitationSchema,
  InvitationsService,
  type AccountFilter,
  type AccountView,
  type InvitationInput,
} from '@mesecvi/accounts';
import {
  AjvBodyPipe,
  AjvQueryPipe,
  ApiProblems,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  type Caller,
  type RequestMeta,
  openApiSchema,
  ApiQueryFrom,
} from '@mesecvi/http';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('accounts')
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get()
  @Authenticated('secretariat', 'state_focal_point', 'state_contributor')
  @ApiOperation({ summary: "List accounts: the secretariat sees all, a state's users see their own state's" })
  @ApiOkResponse({ schema: openApiSchema(AccountListSchema) })
  @ApiQueryFrom(AccountFilterSchema)
  @ApiProblems({ 422: true })
  list(
    @Query(new AjvQueryPipe(AccountFilterSchema)) query: AccountFilter,
    @CurrentCaller() caller: Caller,
  ): Promise<AccountView[]> {
    return this.accounts.list(caller, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'One account (404 outside the caller’s scope)' })
  @ApiOkResponse({ schema: openApiSchema(AccountViewSchema) })
  @ApiProblems({ 404: true })
  get(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<AccountView> {
    return this.accounts.get(caller, id, meta);
  }

  @Post('invitations')
  @Authenticated('secretariat', 'state_focal_point')
  @ApiOperation({
    summary:
      'Invite a person by e-mail (a focal point may invite contributors of their own state); 409 if the state has a focal point and replacesUserId does not name it',
  })
  @ApiBody({ schema: openApiSchema(InvitationSchema) })
  @ApiCreatedResponse({ schema: openApiSchema(AccountViewSchema) })
  @ApiProblems({ 404: true, 409: [ACCOUNT_RULES.account_email_taken], 422: true })
  invite(
    @Body(new AjvBodyPipe(InvitationSchema)) body: InvitationInput,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<AccountView> {
    return this.invitations.invite(body, meta);
  }

  @Post(':id/invitation')
  @Authenticated('secretariat', 'state_focal_point')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send a new invitation link to an account that has not been activated (the previous link stops working)',
  })
  @ApiOkResponse({ schema: openApiSchema(AccountViewSchema) })
  @ApiProblems({ 404: true, 409: true })
  resend(@Param('id') id: string, @CurrentRequest() meta: RequestMeta): Promise<AccountView> {
    return this.invitations.resend(id, meta);
  }

  @Post(':id/disable')
  @Authenticated('secretariat', 'state_focal_point')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an account: its sessions and pending links stop working at once' })
  @ApiOkResponse({ schema: openApiSchema(AccountViewSchema) })
  @ApiProblems({ 404: true, 409: true })
  disable(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<AccountView> {
    return this.accounts.setDisabled(caller, id, true, meta);
  }

  @Post(':id/enable')
  @Authenticated('secretariat', 'state_focal_point')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled account again' })
  @ApiOkResponse({ schema: openApiSchema(AccountViewSchema) })
  @ApiProblems({ 404: true, 409: true })
  enable(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<AccountView> {
    return this.accounts.setDisabled(caller, id, false, meta);
  }
}
