import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AjvBodyPipe,
  Authenticated,
  CurrentRequest,
  openApiSchema,
  type RequestMeta,
  ApiProblems,
} from '@mesecvi/http';
import { RoundListSchema, RoundsService, RoundViewSchema, type RoundView } from '@mesecvi/rounds';
import {
  phaseSchema,
  roundChangesSchema,
  roundExample,
  roundSchema,
  type PhaseBody,
  type RoundBody,
  type RoundChangesBody,
} from './rounds.dto';
import { DEADLINE_RULES } from '@mesecvi/deadlines';

@ApiTags('rounds')
@ApiBearerAuth()
@Controller('rounds')
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Evaluation and follow-up rounds, with phase and calendar' })
  @ApiOkResponse({ schema: openApiSchema(RoundListSchema) })
  list(): Promise<RoundView[]> {
    return this.rounds.list();
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'One round: phase, questionnaire version and calendar' })
  @ApiOkResponse({ schema: openApiSchema(RoundViewSchema) })
  @ApiProblems({ 404: true })
  get(@Param('id') id: string): Promise<RoundView> {
    return this.rounds.get(id);
  }

  @Post()
  @Authenticated('secretariat')
  @ApiOperation({ summary: 'Create a round (secretariat); a follow-up round names its evaluation round' })
  @ApiBody({ schema: openApiSchema(roundSchema) })
  @ApiCreatedResponse({ schema: { example: roundExample } })
  create(@Body(new AjvBodyPipe(roundSchema)) body: RoundBody, @CurrentRequest() meta: RequestMeta): Promise<RoundView> {
    return this.rounds.create(body, meta);
  }

  @Patch(':id')
  @Authenticated('secretariat')
  @ApiOperation({
    summary: 'Set the calendar (response due date, default periods) or, in planning, the questionnaire version',
  })
  @ApiBody({ schema: openApiSchema(roundChangesSchema) })
  @ApiOkResponse({ schema: { example: roundExample } })
  @ApiProblems({ 404: true, 409: true, 422: [DEADLINE_RULES.due_date_in_past] })
  update(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(roundChangesSchema)) body: RoundChangesBody,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<RoundView> {
    return this.rounds.update(id, body, meta);
  }

  @Post(':id/phase')
  @Authenticated('secretariat')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move the round to its next phase (checked; closing responses marks silent states no_response)',
  })
  @ApiBody({ schema: openApiSchema(phaseSchema) })
  @ApiOkResponse({ schema: { example: { ...roundExample, phase: 'questionnaire_adopted' } } })
  advance(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(phaseSchema)) body: PhaseBody,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<RoundView> {
    return this.rounds.advance(id, body.to, meta);
  }
}
