import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AjvQueryPipe, Authenticated, ApiQueryFrom } from '@mesecvi/http';
import { AnnualReports, type AnnualReport } from '@mesecvi/mechanism-reports';
import { DOCUMENT_CONTENT_TYPES, documentQuerySchema, type DocumentQuery } from './mechanism-reports.dto';

@ApiTags('annual report')
@ApiBearerAuth()
@Controller('annual-reports')
export class AnnualReportsController {
  constructor(private readonly reports: AnnualReports) {}

  @Get(':year')
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({
    summary:
      'The annual report of the mechanism for a year (2004 to this year): designations per state, rounds in progress and their phase, responses received, reports adopted (?format=html|md, ?lang= for the states’ names)',
  })
  @ApiQueryFrom(documentQuerySchema)
  async get(
    @Param('year') year: string,
    @Query(new AjvQueryPipe(documentQuerySchema)) query: DocumentQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AnnualReport | string> {
    const report = await this.reports.report(year, query.lang ?? 'en');
    const format = query.format ?? 'json';
    if (format === 'json') return report;
    void reply.header('content-type', DOCUMENT_CONTENT_TYPES[format]);
    return this.reports.render(report, format);
  }
}
