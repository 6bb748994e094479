import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AjvBodyPipe,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  openApiSchema,
  type Caller,
  type RequestMeta,
} from '@mesecvi/http';
import {
  EvaluationsService,
  ExtensionsService,
  type EvaluationView,
  type ExtensionDecision,
  type ExtensionRequestInput,
  type ExtensionView,
} from '@mesecvi/rounds';
import { evaluationExample, extensionDecisionSchema, extensionRequestSchema } from './rounds.dto';

const extensionExample = {
  id: '3f4e5d6c-7b8a-4c9d-8e0f-1a2b3c4d5e6f',
  evaluationId: evaluationExample.id,
  requestedDate: '2027-04-30',
  justification: 'The national statistics office publishes the 2026 figures on 15 April.',
  status: 'requested',
  grantedDate: null,
  decisionReason: null,
  requestedAt: '2027-03-01T15:00:00.000Z',
  decidedAt: null,
};

@ApiTags('state evaluations')
@ApiBearerAuth()
@Controller()
export class EvaluationsController {
  constructor(
    private readonly evaluations: EvaluationsService,
    private readonly extensions: ExtensionsService,
  ) {}

  @Get('evaluations/:id')
  @Authenticated('secretariat', 'state_focal_point', 'state_contributor')
  @ApiOperation({ summary: "One state's evaluation: status and effective response deadline (404 for another state's)" })
  @ApiOkResponse({ schema: { example: evaluationExample } })
  get(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<EvaluationView> {
    return this.evaluations.get(caller, id, meta);
  }

  @Get('evaluations/:id/questionnaire')
  @Authenticated('secretariat', 'state_focal_point', 'state_contributor')
  @ApiOperation({
    summary:
      "The evaluation's questionnaire in the caller's language: schema, items with Convention articles, labels and help",
  })
  @ApiOkResponse({ description: 'Questionnaire version with schema, items and texts' })
  questionnaire(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<unknown> {
    return this.evaluations.questionnaire(caller, id, meta);
  }

  @Get('evaluations/:id/extension-requests')
  @Authenticated('secretariat', 'state_focal_point', 'state_contributor')
  @ApiOperation({ summary: 'Extension requests of an evaluation and their decisions (history)' })
  @ApiOkResponse({ schema: { example: [extensionExample] } })
  listExtensions(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<ExtensionView[]> {
    return this.extensions.list(caller, id, meta);
  }

  @Post('evaluations/:id/extension-requests')
  @Authenticated('state_focal_point')
  @ApiOperation({ summary: 'The focal point asks for a later due date, with a justification' })
  @ApiBody({ schema: openApiSchema(extensionRequestSchema) })
  @ApiCreatedResponse({ schema: { example: extensionExample } })
  requestExtension(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(extensionRequestSchema)) body: ExtensionRequestInput,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<ExtensionView> {
    return this.extensions.request(caller, id, body, meta);
  }

  @Post('extension-requests/:id/decision')
  @Authenticated('secretariat')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Approve (possibly with another date: the deadline moves and reminders re-plan) or refuse with a reason; the state is told by e-mail',
  })
  @ApiBody({ schema: openApiSchema(extensionDecisionSchema) })
  @ApiOkResponse({ schema: { example: { ...extensionExample, status: 'approved', grantedDate: '2027-04-30' } } })
  decide(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(extensionDecisionSchema)) body: ExtensionDecision,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<ExtensionView> {
    return this.extensions.decide(caller, id, body, meta);
  }
}
