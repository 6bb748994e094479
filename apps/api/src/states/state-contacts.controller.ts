import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AjvBodyPipe,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  type Caller,
  type RequestMeta,
  openApiSchema,
} from '@mesecvi/http';
import { PolicyService } from '@mesecvi/policy';
import { StateContactsService, type StateContactView } from '@mesecvi/states';
import { contactChangesSchema, contactExample, contactSchema, type ContactBody } from './states.dto';

@ApiTags('states parties')
@ApiBearerAuth()
@Controller('states-parties/:code/contacts')
export class StateContactsController {
  constructor(
    private readonly contacts: StateContactsService,
    private readonly policy: PolicyService,
  ) {}

  @Get()
  @Authenticated('secretariat', 'state_focal_point', 'state_contributor')
  @ApiOperation({
    summary: "A state's official contacts (permanent mission, CNA); a state's users see their own state's only",
  })
  @ApiOkResponse({ schema: { example: [contactExample] } })
  list(
    @Param('code') code: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<StateContactView[]> {
    this.policy.assertStateRecords(caller, code.toUpperCase(), meta, `State party ${code}`);
    return this.contacts.list(code);
  }

  @Post()
  @Authenticated('secretariat')
  @ApiOperation({ summary: 'Add a contact (secretariat)' })
  @ApiBody({ schema: openApiSchema(contactSchema) })
  @ApiCreatedResponse({ schema: { example: contactExample } })
  create(
    @Param('code') code: string,
    @Body(new AjvBodyPipe(contactSchema)) body: ContactBody,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<StateContactView> {
    return this.contacts.create(code, body, meta);
  }

  @Patch(':id')
  @Authenticated('secretariat')
  @ApiOperation({ summary: 'Change a contact (secretariat)' })
  @ApiBody({ schema: openApiSchema(contactChangesSchema) })
  @ApiOkResponse({ schema: { example: contactExample } })
  update(
    @Param('code') code: string,
    @Param('id') id: string,
    @Body(new AjvBodyPipe(contactChangesSchema)) body: Partial<ContactBody>,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<StateContactView> {
    return this.contacts.update(code, id, body, meta);
  }

  @Delete(':id')
  @Authenticated('secretariat')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a contact (secretariat)' })
  @ApiNoContentResponse()
  remove(@Param('code') code: string, @Param('id') id: string, @CurrentRequest() meta: RequestMeta): Promise<void> {
    return this.contacts.remove(code, id, meta);
  }
}
