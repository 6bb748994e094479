import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AjvQueryPipe, Public, ApiQueryFrom } from '@mesecvi/http';
import {
  HemisphericReports,
  type HemisphericReportView,
  type PublishedHemisphericSummary,
} from '@mesecvi/mechanism-reports';
import { DOCUMENT_CONTENT_TYPES, documentQuerySchema, type DocumentQuery } from './mechanism-reports.dto';

@ApiTags('public reports')
@Controller('public/hemispheric-reports')
export class PublicHemisphericReportsController {
  constructor(private readonly reports: HemisphericReports) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Published hemispheric reports (no sign-in)' })
  list(): Promise<PublishedHemisphericSummary[]> {
    return this.reports.listPublished();
  }

  @Get(':id')
  @Public()
  @ApiOperation({
    summary:
      'A published hemispheric report as JSON, HTML or Markdown (?format=html|md, ?lang= for the states’ names); 404 for anything not published',
  })
  @ApiQueryFrom(documentQuerySchema)
  async get(
    @Param('id') id: string,
    @Query(new AjvQueryPipe(documentQuerySchema)) query: DocumentQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HemisphericReportView | string> {
    const view = await this.reports.getPublished(id);
    const format = query.format ?? 'json';
    if (format === 'json') return view;
    void reply.header('content-type', DOCUMENT_CONTENT_TYPES[format]);
    return this.reports.render(view, format, query.lang ?? 'en');
  }
}
