import { Body, Controller, Get, Param, Patch, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AjvBodyPipe,
  Authenticated,
  CurrentRequest,
  IfMatch,
  openApiSchema,
  type Precondition,
  type RequestMeta,
} from '@mesecvi/http';
import { StatesPartiesService, type StatePartyView } from '@mesecvi/states';
import { statePartyChangesSchema, statePartyExample, type StatePartyChangesBody } from './states.dto';

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
  @ApiOkResponse({ schema: { example: [statePartyExample] } })
  list(): Promise<StatePartyView[]> {
    return this.states.list();
  }

  @Get(':code')
  @Authenticated()
  @ApiOperation({ summary: 'One state party (ETag = its version)' })
  @ApiOkResponse({ schema: { example: statePartyExample } })
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
  @ApiBody({ schema: openApiSchema(statePartyChangesSchema) })
  @ApiOkResponse({ schema: { example: { ...statePartyExample, ratificationDate: '1997-04-07', version: 2 } } })
  async update(
    @Param('code') code: string,
    @Body(new AjvBodyPipe(statePartyChangesSchema)) body: StatePartyChangesBody,
    @IfMatch({ required: false }) precondition: Precondition,
    @CurrentRequest() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StatePartyView> {
    const state = await this.states.update(code, body, precondition.version(), meta);
    void reply.header('etag', `"${state.version}"`);
    return state;
  }
}
