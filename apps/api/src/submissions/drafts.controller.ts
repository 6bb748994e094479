import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  type Caller,
  type RequestMeta,
  IfMatch,
  type Precondition,
  ApiProblems,
  AnyObject,
  openApiSchema,
} from '@mesecvi/http';
import {
  CarryOverResultSchema,
  CarryOverService,
  DraftSaveResultSchema,
  DraftsService,
  DraftViewSchema,
  etagOf,
  type CarryOverResult,
  type DraftSaveResult,
  type DraftView,
  SUBMISSION_RULES,
} from '@mesecvi/submissions';
import { requireContentType } from './content-type';

/**
 * A draft body is the questionnaire's own answers document: the questionnaire version's schema
 * validates it (leniently while drafting), so the document names no members of its own here.
 */
const answersDocument = openApiSchema(
  AnyObject(
    "The answers document, keyed by question id, in the shape the evaluation's questionnaire schema gives (GET /evaluations/{id}/questionnaire)",
  ),
);
const answersPatch = openApiSchema(
  AnyObject(
    "A JSON Merge Patch (RFC 7396) of the answers document: members to set, null to remove an answer; the result is checked against the questionnaire's schema",
  ),
);

const ifMatch = {
  name: 'If-Match',
  required: true,
  description: 'The ETag of the draft you read (missing → 428, stale → 412 with the current ETag)',
};

@ApiTags('submissions')
@ApiBearerAuth()
@Controller('evaluations/:id/draft')
export class DraftsController {
  constructor(
    private readonly drafts: DraftsService,
    private readonly carryOver: CarryOverService,
  ) {}

  @Get()
  @Authenticated('secretariat', 'state_focal_point', 'state_contributor')
  @ApiOperation({
    summary:
      "The state's working draft: answers, ETag, last editor per item, and what is still missing (in the caller's language)",
  })
  @ApiOkResponse({ schema: openApiSchema(DraftViewSchema) })
  @ApiProblems({ 404: true })
  async get(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DraftView> {
    const draft = await this.drafts.get(caller, id, meta);
    void reply.header('etag', etagOf(draft.version));
    return draft;
  }

  @Put()
  @Authenticated('secretariat', 'state_focal_point', 'state_contributor')
  @ApiOperation({
    summary:
      'Replace the whole draft (validated leniently: wrong forms → 422, missing answers returned as remainingProblems)',
  })
  @ApiHeader(ifMatch)
  @ApiBody({ schema: answersDocument })
  @ApiOkResponse({ schema: openApiSchema(DraftSaveResultSchema) })
  @ApiProblems({ 403: true, 404: true, 409: [SUBMISSION_RULES.draft_frozen], 412: true, 422: true, 428: true })
  async replace(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @IfMatch({ required: true }) precondition: Precondition,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DraftSaveResult> {
    requireContentType(
      contentType,
      'application/json',
      'PUT takes the whole answers document; use PATCH with application/merge-patch+json for part of it.',
    );
    const saved = await this.drafts.replace(caller, id, body, precondition, meta);
    void reply.header('etag', etagOf(saved.version));
    return saved;
  }

  @Patch()
  @Authenticated('secretariat', 'state_focal_point', 'state_contributor')
  @ApiOperation({
    summary:
      'Merge part of the answers into the draft (JSON Merge Patch, RFC 7396: null removes an answer), e.g. one section’s autosave',
  })
  @ApiHeader(ifMatch)
  @ApiConsumes('application/merge-patch+json')
  @ApiBody({ schema: answersPatch })
  @ApiOkResponse({ schema: openApiSchema(DraftSaveResultSchema) })
  @ApiProblems({ 403: true, 404: true, 409: [SUBMISSION_RULES.draft_frozen], 412: true, 422: true, 428: true })
  async patch(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @IfMatch({ required: true }) precondition: Precondition,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DraftSaveResult> {
    requireContentType(contentType, 'application/merge-patch+json', 'PATCH takes a JSON Merge Patch (RFC 7396).');
    const saved = await this.drafts.patch(caller, id, body, precondition, meta);
    void reply.header('etag', etagOf(saved.version));
    return saved;
  }

  @Post('carry-over')
  @HttpCode(200)
  @Authenticated('secretariat', 'state_focal_point', 'state_contributor')
  @ApiOperation({
    summary:
      "Prefill unanswered items from the state's last submitted answers of an earlier round (marked until edited)",
  })
  @ApiHeader(ifMatch)
  @ApiOkResponse({ schema: openApiSchema(CarryOverResultSchema) })
  @ApiProblems({
    403: true,
    404: true,
    409: [SUBMISSION_RULES.carry_over_source, SUBMISSION_RULES.draft_frozen],
    412: true,
    428: true,
  })
  async carry(
    @Param('id') id: string,
    @IfMatch({ required: true }) precondition: Precondition,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CarryOverResult> {
    const result = await this.carryOver.prefill(caller, id, precondition, meta);
    void reply.header('etag', etagOf(result.version));
    return result;
  }
}
