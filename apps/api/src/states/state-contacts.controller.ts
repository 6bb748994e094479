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
  ApiProblems,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  type Caller,
  type RequestMeta,
  openApiSchema,
} from '@mesecvi/http';
import { PolicyService } from '@mesecvi/policy';
import {
  StateContactChangesSchema,
  StateContactInputSchema,
  StateContactListSchema,
  StateContactsService,
  StateContactViewSchema,
  type StateContactChanges,
  type StateContactInput,
  type StateContactView,
} from '@mesecvi/states';

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
  @ApiOkResponse({ schema: openApiSchema(StateContactListSchema) })
  @ApiProblems({ 404: true })
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
  @ApiBody({ schema: openApiSchema(StateContactInputSchema) })
  @ApiCreatedResponse({ schema: openApiSchema(StateContactViewSchema) })
  @ApiProblems({ 404: true, 422: true })
  create(
    @Param('code') code: string,
    @Body(new AjvBodyPipe(StateContactInputSchema)) body: StateContactInput,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<StateContactView> {
    return this.contacts.create(code, body, meta);
  }

  @Patch(':id')
  @Authenticated('secretariat')
  @ApiOperation({ summary: 'Change a contact (secretariat)' })
  @ApiBody({ schema: openApiSchema(StateContactChangesSchema) })
  @ApiOkResponse({ schema: openApiSchema(StateContactViewSchema) })
  @ApiProblems({ 404: true, 422: true })
  update(
    @Param('code') code: string,
    @Param('id') id: string,
    @Body(new AjvBodyPipe(StateContactChangesSchema)) body: StateContactChanges,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<StateContactView> {
    return this.contacts.update(code, id, body, meta);
  }

  @Delete(':id')
  @Authenticated('secretariat')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a contact (secretariat)' })
  @ApiNoContentResponse()
  @ApiProblems({ 404: true })
  remove(@Param('code') code: string, @Param('id') id: string, @CurrentRequest() meta: RequestMeta): Promise<void> {
    return this.contacts.remove(code, id, meta);
  }
}
