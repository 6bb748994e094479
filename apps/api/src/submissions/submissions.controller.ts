import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AjvBodyPipe,
  AjvQueryPipe,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  openApiSchema,
  type Caller,
  type RequestMeta,
  IfMatch,
  type Precondition,
  ApiProblems,
  ApiQueryFrom,
} from '@mesecvi/http';
import { ReviewMaterial } from '@mesecvi/reviews';
import { ROUND_RULES } from '@mesecvi/rounds';
import {
  ClarificationInputSchema,
  ClarificationListSchema,
  ClarificationsService,
  ClarificationViewSchema,
  DiffQuerySchema,
  SubmissionDiffSchema,
  SubmissionListSchema,
  SubmissionsService,
  SubmissionWithAnswersSchema,
  SubmitInputSchema,
  SubmitResultSchema,
  type ClarificationInput,
  type ClarificationView,
  type DiffQuery,
  type SubmissionDiff,
  type SubmissionView,
  type SubmissionWithAnswers,
  type SubmitResult,
  SUBMISSION_RULES,
} from '@mesecvi/submissions';

const submitBody = new AjvBodyPipe(SubmitInputSchema);

@ApiTags('submissions')
@ApiBearerAuth()
@Controller('evaluations/:id')
export class SubmissionsController {
  constructor(
    private readonly submissions: SubmissionsService,
    private readonly clarifications: ClarificationsService,
    private readonly reviewMaterial: ReviewMaterial,
  ) {}

  @Post('submissions')
  @Authenticated('secretariat', 'state_focal_point')
  @ApiOperation({
    summary:
      'Submit the draft: strict validation (422 with messages in your language), then an immutable version with its sha256; the secretariat records on a state’s behalf with onBehalf',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A repeat with the same key and body returns the first answer; another body → 409',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'Submit only if the draft is still at this ETag' })
  @ApiBody({ schema: openApiSchema(SubmitInputSchema), required: false })
  @ApiCreatedResponse({ schema: openApiSchema(SubmitResultSchema) })
  @ApiProblems({
    403: true,
    404: true,
    409: [SUBMISSION_RULES.submission_status, SUBMISSION_RULES.idempotency_key_reused],
    412: true,
    422: true,
  })
  async submit(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @IfMatch({ required: false }) precondition: Precondition,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubmitResult> {
    const input = submitBody.transform(body ?? {});
    const { result, replayed } = await this.submissions.submit(
      caller,
      id,
      input,
      { idempotencyKey, expectedVersion: precondition.version() },
      meta,
    );
    if (replayed) void reply.header('idempotent-replayed', 'true');
    return result;
  }

  @Get('submissions')
  @Authenticated('secretariat', 'state_focal_point', 'state_contributor')
  @ApiOperation({ summary: 'Every submitted version of the evaluation, with hash, timing and who submitted' })
  @ApiOkResponse({ schema: openApiSchema(SubmissionListSchema) })
  @ApiProblems({ 404: true })
  list(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<SubmissionView[]> {
    return this.submissions.list(caller, id, meta);
  }

  @Get('submissions/:version')
  @Authenticated('secretariat', 'state_focal_point', 'state_contributor')
  @ApiOperation({ summary: 'One submitted version with its answers' })
  @ApiOkResponse({ schema: openApiSchema(SubmissionWithAnswersSchema) })
  @ApiProblems({ 404: true })
  version(
    @Param('id') id: string,
    @Param('version') version: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<SubmissionWithAnswers> {
    return this.submissions.version(caller, id, Number(version), meta);
  }

  @Get('submission-diff')
  @Authenticated('secretariat', 'state_focal_point', 'state_contributor', 'committee_expert')
  @ApiOperation({
    summary:
      'What changed between two submitted versions (?from=1&to=2): added / removed / changed by JSON pointer, with labels; experts read it as review material (rapporteurs, the Coordinator)',
  })
  @ApiOkResponse({ schema: openApiSchema(SubmissionDiffSchema) })
  @ApiQueryFrom(DiffQuerySchema)
  @ApiProblems({ 404: true, 422: true })
  diff(
    @Param('id') id: string,
    @Query(new AjvQueryPipe(DiffQuerySchema)) query: DiffQuery,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<SubmissionDiff> {
    return this.reviewMaterial.diff(caller, id, query.from, query.to, meta);
  }

  @Post('clarification-requests')
  @Authenticated('secretariat')
  @ApiOperation({
    summary:
      'Ask the state to clarify its answers: the evaluation moves to clarification_requested and the draft restarts from the last submitted version',
  })
  @ApiBody({ schema: openApiSchema(ClarificationInputSchema) })
  @ApiCreatedResponse({ schema: openApiSchema(ClarificationViewSchema) })
  @ApiProblems({
    403: true,
    404: true,
    409: [SUBMISSION_RULES.clarification_needs_submission, ROUND_RULES.evaluation_status_transition],
    422: true,
  })
  clarify(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(ClarificationInputSchema)) body: ClarificationInput,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<ClarificationView> {
    return this.clarifications.request(caller, id, body, meta);
  }

  @Get('clarification-requests')
  @Authenticated('secretariat', 'state_focal_point', 'state_contributor')
  @ApiOperation({ summary: 'Clarification requests of the evaluation and the submissions that answered them' })
  @ApiOkResponse({ schema: openApiSchema(ClarificationListSchema) })
  @ApiProblems({ 404: true })
  clarificationsOf(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<ClarificationView[]> {
    return this.clarifications.list(caller, id, meta);
  }
}
