import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import { AjvQueryPipe, Public, ApiQueryFrom, openApiSchema } from '@mesecvi/http';
import {
  PublicReports,
  PublishedReportSummarySchema,
  type CountryReportView,
  type PublishedReportSummary,
} from '@mesecvi/reports';
import { renderQuerySchema, type RenderQuery } from './reports.dto';

const CONTENT_TYPES = { html: 'text/html; charset=utf-8', md: 'text/markdown; charset=utf-8' } as const;

@ApiTags('public reports')
@Controller('public/reports')
export class PublicReportsController {
  constructor(private readonly reports: PublicReports) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Published country reports (no sign-in), the latest published first' })
  @ApiOkResponse({ schema: openApiSchema(Type.Array(PublishedReportSummarySchema)) })
  list(): Promise<PublishedReportSummary[]> {
    return this.reports.list();
  }

  @Get(':id')
  @Public()
  @ApiOperation({
    summary:
      'A published country report as JSON, HTML or Markdown (?format=html|md, ?lang= for the state’s name); 404 for anything not published',
  })
  @ApiQueryFrom(renderQuerySchema)
  async get(
    @Param('id') id: string,
    @Query(new AjvQueryPipe(renderQuerySchema)) query: RenderQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CountryReportView | string> {
    const format = query.format ?? 'json';
    if (format === 'json') return this.reports.get(id);
    const body = await this.reports.render(id, format, query.lang ?? 'en');
    void reply.header('content-type', CONTENT_TYPES[format]);
    return body;
  }
}
