import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountsService, type AccountView } from '@mesecvi/accounts';
import {
  AjvBodyPipe,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  type Caller,
  type RequestMeta,
  openApiSchema,
} from '@mesecvi/http';
import { accountExample, meSchema, type MeBody } from './accounts.dto';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'The signed-in account' })
  @ApiOkResponse({ schema: { example: accountExample } })
  me(@CurrentCaller() caller: Caller, @CurrentRequest() meta: RequestMeta): Promise<AccountView> {
    return this.accounts.get(caller, caller.userId, meta);
  }

  @Patch()
  @Authenticated()
  @ApiOperation({ summary: 'Change your own name or preferred language (mails and pages follow it)' })
  @ApiBody({ schema: openApiSchema(meSchema) })
  @ApiOkResponse({ schema: { example: accountExample } })
  update(
    @Body(new AjvBodyPipe(meSchema)) body: MeBody,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<AccountView> {
    return this.accounts.updateMe(caller, body, meta);
  }
}
