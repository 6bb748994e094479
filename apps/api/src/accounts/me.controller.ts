import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AccountsService,
  AccountViewSchema,
  OwnAccountChangesSchema,
  type AccountView,
  type OwnAccountChanges,
} from '@mesecvi/accounts';
import {
  AjvBodyPipe,
  ApiProblems,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  type Caller,
  type RequestMeta,
  openApiSchema,
} from '@mesecvi/http';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in account' })
  @ApiOkResponse({ schema: openApiSchema(AccountViewSchema) })
  @ApiProblems({ 401: true, 404: true })
  me(@CurrentCaller() caller: Caller, @CurrentRequest() meta: RequestMeta): Promise<AccountView> {
    return this.accounts.get(caller, caller.userId, meta);
  }

  @Patch()
  @Authenticated()
  @ApiOperation({ summary: 'Change your own name or preferred language (mails and pages follow it)' })
  @ApiBody({ schema: openApiSchema(OwnAccountChangesSchema) })
  @ApiOkResponse({ schema: openApiSchema(AccountViewSchema) })
  @ApiProblems({ 401: true, 404: true, 422: true })
  update(
    @Body(new AjvBodyPipe(OwnAccountChangesSchema)) body: OwnAccountChanges,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<AccountView> {
    return this.accounts.updateMe(caller, body, meta);
  }
}
