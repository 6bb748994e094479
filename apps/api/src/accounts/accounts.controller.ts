import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountsService, InvitationsService, type AccountView } from '@mesecvi/accounts';
import {
  AjvBodyPipe,
  AjvQueryPipe,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  type Caller,
  type RequestMeta,
  openApiSchema,
  ApiQueryFrom,
} from '@mesecvi/http';
import {
  accountExample,
  accountQuerySchema,
  invitationSchema,
  type AccountQuery,
  type InvitationBody,
} from './accounts.dto';

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
  @ApiOkResponse({ schema: { example: [accountExample] } })
  @ApiQueryFrom(accountQuerySchema)
  list(
    @Query(new AjvQueryPipe(accountQuerySchema)) query: AccountQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<AccountView[]> {
    return this.accounts.list(caller, query);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'One account (404 outside the caller’s scope)' })
  @ApiOkResponse({ schema: { example: accountExample } })
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
  @ApiBody({ schema: openApiSchema(invitationSchema) })
  @ApiCreatedResponse({ schema: { example: accountExample } })
  invite(
    @Body(new AjvBodyPipe(invitationSchema)) body: InvitationBody,
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
  @ApiOkResponse({ schema: { example: accountExample } })
  resend(@Param('id') id: string, @CurrentRequest() meta: RequestMeta): Promise<AccountView> {
    return this.invitations.resend(id, meta);
  }

  @Post(':id/disable')
  @Authenticated('secretariat', 'state_focal_point')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable an account: its sessions and pending links stop working at once' })
  @ApiOkResponse({ schema: { example: { ...accountExample, status: 'disabled' } } })
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
  @ApiOkResponse({ schema: { example: { ...accountExample, status: 'active' } } })
  enable(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<AccountView> {
    return this.accounts.setDisabled(caller, id, false, meta);
  }
}
