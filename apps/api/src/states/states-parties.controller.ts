import { Body, Controller, Get, Param, Patch, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AjvBodyPipe,
  ApiProblems,
  Authenticated,
  CurrentRequest,
  IfMatch,
  openApiSchema,
  type Precondition,
  type RequestMeta,
} from '@mesecvi/http';
import {
  StatePartyChangesSchema,
  StatePartyListSchema,
  StatesPartiesService,
  StatePartyViewSchema,
  type StatePartyChanges,
  type StatePartyView,
} from '@mesecvi/states';

@ApiTags('states parties')
@ApiBearerAuth()
@Controller('states-parties')
export class StatesPartiesController {
  constructor(private readonly states: StatesPartiesService) {}

  @Get()
  @Authenticated()
  @ApiOperation({
    summary: 'The 32 states parties: names in four languages, working language, OAS membership, ratification date',
  })
  @ApiOkResponse({ schema: openApiSchema(StatePartyListSchema) })
  list(): Promise<StatePartyView[]> {
    return this.states.list();
  }

  @Get(':code')
  @Authenticated()
  @ApiOperation({ summary: 'One state party (ETag = its version)' })
  @ApiOkResponse({ schema: openApiSchema(StatePartyViewSchema) })
  @ApiProblems({ 404: true })
  async get(@Param('code') code: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StatePartyView> {
    const state = await this.states.get(code);
    void reply.header('etag', `"${state.version}"`);
    return state;
  }

  @Patch(':code')
  @Authenticated('secretariat')
  @ApiOperation({
    summary:
      'Change ratification date, working language or OAS membership (secretariat; If-Match optional, stale → 412)',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag read before editing' })
  @ApiBody({ schema: openApiSchema(StatePartyChangesSchema) })
  @ApiOkResponse({ schema: openApiSchema(StatePartyViewSchema) })
  @ApiProblems({ 404: true, 412: true, 422: true })
  async update(
    @Param('code') code: string,
    @Body(new AjvBodyPipe(StatePartyChangesSchema)) body: StatePartyChanges,
    @IfMatch({ required: false }) precondition: Precondition,
    @CurrentRequest() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StatePartyView> {
    const state = await this.states.update(code, body, precondition.version(), meta);
    void reply.header('etag', `"${state.version}"`);
    return state;
  }
}
