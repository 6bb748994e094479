import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '@mesecvi/errors';
import {
  ApiProblems,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  fileResponse,
  openApiSchema,
  type Caller,
  type RequestMeta,
} from '@mesecvi/http';
import {
  EvidenceAttachmentListSchema,
  EvidenceAttachmentsService,
  EvidenceAttachmentViewSchema,
  EvidenceLimitsSchema,
  type EvidenceAttachmentView,
  type EvidenceLimits,
} from '@mesecvi/submissions';
import { UPLOADER_ROLES } from './evidence-upload-body';

/** `filename*` (RFC 6266/8187) keeps accents; the plain `filename` is an ASCII fallback. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

@ApiTags('submissions')
@ApiBearerAuth()
@Controller()
export class EvidenceAttachmentsController {
  constructor(private readonly attachments: EvidenceAttachmentsService) {}

  @Post('evaluations/:id/attachments')
  @Authenticated(...UPLOADER_ROLES)
  @ApiOperation({
    summary:
      'Upload one evidence file as the raw body (application/octet-stream; name in X-Filename). Who and which evaluation are checked before the body is read; too many uploads in flight → 429; type judged from the content; too large → 413',
  })
  @ApiConsumes('application/octet-stream')
  @ApiHeader({ name: 'X-Filename', required: false, description: 'The file name (percent-encoded if not ASCII)' })
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ schema: openApiSchema(EvidenceAttachmentViewSchema) })
  @ApiProblems({ 404: true, 422: true })
  upload(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('x-filename') filenameHeader: string | undefined,
    @Query('filename') filenameQuery: string | undefined,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<EvidenceAttachmentView> {
    if (!Buffer.isBuffer(body))
      throw new DomainError(
        'unsupported_media_type',
        'Send the file itself as the body, with content-type application/octet-stream.',
      );
    return this.attachments.upload(caller, id, body, filenameHeader ?? filenameQuery, meta);
  }

  @Get('evaluations/:id/attachments')
  @Authenticated('secretariat', 'state_focal_point', 'state_contributor')
  @ApiOperation({ summary: 'Evidence files uploaded for the evaluation' })
  @ApiOkResponse({ schema: openApiSchema(EvidenceAttachmentListSchema) })
  @ApiProblems({ 404: true })
  list(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<EvidenceAttachmentView[]> {
    return this.attachments.list(caller, id, meta);
  }

  @Get('attachments/limits')
  @Authenticated(...UPLOADER_ROLES)
  @ApiOperation({ summary: 'The size and kinds of file an evidence upload may be, to check a file before sending it' })
  @ApiOkResponse({ schema: openApiSchema(EvidenceLimitsSchema) })
  limits(): EvidenceLimits {
    return this.attachments.limits();
  }

  @Get('attachments/:id')
  @Authenticated('secretariat', 'state_focal_point', 'state_contributor')
  @ApiOperation({
    summary: 'Download an evidence file (for whoever may read its evaluation); X-Content-SHA256 carries its hash',
  })
  @ApiOkResponse(
    fileResponse(
      'application/octet-stream',
      'The file, in the media type judged from its content when it was uploaded',
    ),
  )
  @ApiProblems({ 404: true })
  async download(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { attachment, content } = await this.attachments.download(caller, id, meta);
    await reply
      .header('content-type', attachment.mediaType)
      .header('content-disposition', contentDisposition(attachment.filename))
      .header('x-content-sha256', attachment.sha256)
      .header('cache-control', 'private, no-store')
      .send(content);
  }
}
