import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AjvBodyPipe,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  openApiSchema,
  type Caller,
  type RequestMeta,
  ApiProblems,
} from '@mesecvi/http';
import {
  ReviewComments,
  ReviewMaterial,
  ReviewProgress,
  type ReviewCommentView,
  type ReviewCompletion,
  type ReviewMaterialView,
  REVIEW_RULES,
} from '@mesecvi/reviews';
import type { ClarificationView, SubmissionView } from '@mesecvi/submissions';
import {
  commentSchema,
  reviewClarificationSchema,
  type CommentBody,
  type ReviewClarificationBody,
} from './reviews.dto';

const ascii = (filename: string): string => filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');

@ApiTags('committee review')
@ApiBearerAuth()
@Controller()
export class ReviewController {
  constructor(
    private readonly material: ReviewMaterial,
    private readonly comments: ReviewComments,
    private readonly progress: ReviewProgress,
  ) {}

  @Get('evaluations/:id/review')
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({
    summary:
      'Review material: submitted versions and evidence (the secretariat, the Coordinator, the rapporteurs; 404 for other experts)',
  })
  overview(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<ReviewMaterialView> {
    return this.material.overview(caller, id, meta);
  }

  @Get('evaluations/:id/review/submissions/:version')
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({ summary: 'One submitted version with its answers, for the review' })
  version(
    @Param('id') id: string,
    @Param('version') version: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<SubmissionView & { answers: unknown }> {
    return this.material.version(caller, id, Number(version), meta);
  }

  @Get('evaluations/:id/review/attachments/:attachmentId')
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({ summary: 'Download an evidence file of the evaluation, for the review' })
  async attachment(
    @Param('id') id: string,
    @Param('attachmentId') attachmentId: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { attachment, content } = await this.material.attachment(caller, id, attachmentId, meta);
    await reply
      .header('content-type', attachment.mediaType)
      .header(
        'content-disposition',
        `attachment; filename="${ascii(attachment.filename)}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
      )
      .header('x-content-sha256', attachment.sha256)
      .header('cache-control', 'private, no-store')
      .send(content);
  }

  @Get('evaluations/:id/review/comments')
  @Authenticated('secretariat', 'committee_expert', 'state_focal_point', 'state_contributor')
  @ApiOperation({
    summary: 'Review comments: the committee sees all; the state only those shared with it (visibility=state)',
  })
  listComments(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<ReviewCommentView[]> {
    return this.comments.list(caller, id, meta);
  }

  @Post('evaluations/:id/review/comments')
  @Authenticated('secretariat', 'committee_expert', 'state_focal_point', 'state_contributor')
  @ApiOperation({
    summary:
      'Comment on an answer (JSON pointer of the questionnaire, 422 otherwise) or generally, for the committee or shared with the state; a reply names its thread (parentId). The state only replies to shared threads',
  })
  @ApiBody({ schema: openApiSchema(commentSchema) })
  @ApiProblems({
    403: true,
    404: true,
    409: [REVIEW_RULES.review_not_open, REVIEW_RULES.thread_resolved],
    422: [REVIEW_RULES.pointer_in_questionnaire, REVIEW_RULES.known_thread, REVIEW_RULES.thread_root],
  })
  addComment(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(commentSchema)) body: CommentBody,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<ReviewCommentView> {
    return this.comments.add(caller, id, body, meta);
  }

  @Post('review-comments/:id/resolution')
  @HttpCode(200)
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({ summary: 'Resolve a comment thread (its first comment)' })
  @ApiProblems({ 403: true, 404: true, 409: [REVIEW_RULES.resolve_thread_root, REVIEW_RULES.thread_already_resolved] })
  resolve(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<ReviewCommentView> {
    return this.comments.resolve(caller, id, meta);
  }

  @Post('evaluations/:id/review/clarification-requests')
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({
    summary:
      'A rapporteur asks the state for clarification (questions, answers concerned, deadline): the evaluation moves to clarification_requested; the state’s next version answers it',
  })
  @ApiBody({ schema: openApiSchema(reviewClarificationSchema) })
  @ApiProblems({
    403: true,
    404: true,
    409: [REVIEW_RULES.evaluation_not_under_review],
    422: [REVIEW_RULES.pointer_in_questionnaire],
  })
  clarify(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(reviewClarificationSchema)) body: ReviewClarificationBody,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<ClarificationView & { deadlineId: string }> {
    return this.progress.requestClarification(caller, id, body, meta);
  }

  @Post('evaluations/:id/review/completion')
  @HttpCode(200)
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({
    summary:
      'Mark the review complete (a rapporteur their part; the secretariat or the Coordinator the whole): with no open clarification, the last one moves the evaluation to analysed',
  })
  @ApiProblems({
    403: true,
    404: true,
    409: [REVIEW_RULES.evaluation_not_under_review_to_complete, REVIEW_RULES.open_clarification],
  })
  complete(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<ReviewCompletion> {
    return this.progress.complete(caller, id, meta);
  }
}
