import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AjvBodyPipe,
  ApiProblems,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  openApiSchema,
  type Caller,
  type RequestMeta,
} from '@mesecvi/http';
import {
  EvaluationQuestionnaireSchema,
  EvaluationsService,
  EvaluationViewSchema,
  ExtensionDecisionSchema,
  ExtensionListSchema,
  ExtensionRequestInputSchema,
  ExtensionsService,
  ExtensionViewSchema,
  ROUND_RULES,
  type EvaluationView,
  type ExtensionDecision,
  type ExtensionRequestInput,
  type ExtensionView,
} from '@mesecvi/rounds';

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
  @ApiOkResponse({ schema: openApiSchema(EvaluationViewSchema) })
  @ApiProblems({ 404: true })
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
  @ApiOkResponse({ schema: openApiSchema(EvaluationQuestionnaireSchema) })
  @ApiProblems({ 404: true })
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
  @ApiOkResponse({ schema: openApiSchema(ExtensionListSchema) })
  @ApiProblems({ 404: true })
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
  @ApiBody({ schema: openApiSchema(ExtensionRequestInputSchema) })
  @ApiCreatedResponse({ schema: openApiSchema(ExtensionViewSchema) })
  @ApiProblems({
    404: true,
    409: [ROUND_RULES.extension_before_submission, ROUND_RULES.one_open_extension_request],
    422: true,
  })
  requestExtension(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(ExtensionRequestInputSchema)) body: ExtensionRequestInput,
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
  @ApiBody({ schema: openApiSchema(ExtensionDecisionSchema) })
  @ApiOkResponse({ schema: openApiSchema(ExtensionViewSchema) })
  @ApiProblems({ 404: true, 409: [ROUND_RULES.extension_decided_once], 422: true })
  decide(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(ExtensionDecisionSchema)) body: ExtensionDecision,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<ExtensionView> {
    return this.extensions.decide(caller, id, body, meta);
  }
}
