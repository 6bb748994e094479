import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  ApiProblems,
  ApiQueryFrom,
} from '@mesecvi/http';
import { HemisphericReports, type HemisphericReportView, MECHANISM_REPORT_RULES } from '@mesecvi/mechanism-reports';
import { REPORT_RULES } from '@mesecvi/reports';
import {
  DOCUMENT_CONTENT_TYPES,
  documentQuerySchema,
  hemisphericAdoptionSchema,
  type DocumentQuery,
  type HemisphericAdoptionBody,
} from './mechanism-reports.dto';

@ApiTags('hemispheric reports')
@ApiBearerAuth()
@Controller('rounds/:id/hemispheric-report')
export class HemisphericReportsController {
  constructor(private readonly reports: HemisphericReports) {}

  @Get()
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({
    summary:
      'A round’s hemispheric report: recommendations per theme and article with their status, responses on time / late / never, change since the evaluation round (follow-up rounds); live until adopted, then the adopted snapshot (?format=html|md, ?lang=)',
  })
  @ApiQueryFrom(documentQuerySchema)
  async get(
    @Param('id') id: string,
    @Query(new AjvQueryPipe(documentQuerySchema)) query: DocumentQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HemisphericReportView | string> {
    const view = await this.reports.forRound(id);
    const format = query.format ?? 'json';
    if (format === 'json') return view;
    void reply.header('content-type', DOCUMENT_CONTENT_TYPES[format]);
    return this.reports.render(view, format, query.lang ?? 'en');
  }

  @Post('adoption')
  @HttpCode(200)
  @Authenticated('secretariat')
  @ApiOperation({
    summary:
      'Record the committee’s adoption of the hemispheric report (round in the hemispheric_report phase or closed): freezes the figures and assigns the document symbol; once only (409)',
  })
  @ApiBody({ schema: openApiSchema(hemisphericAdoptionSchema) })
  @ApiProblems({
    404: true,
    409: [
      MECHANISM_REPORT_RULES.hemispheric_report_adopted,
      MECHANISM_REPORT_RULES.round_not_at_hemispheric_report,
      REPORT_RULES.symbol_taken,
    ],
    422: [REPORT_RULES.format, REPORT_RULES.decision_counts],
  })
  adopt(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(hemisphericAdoptionSchema)) body: HemisphericAdoptionBody,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<HemisphericReportView> {
    return this.reports.adopt(caller, id, body, meta);
  }

  @Post('publication')
  @HttpCode(200)
  @Authenticated('secretariat')
  @ApiOperation({
    summary:
      'Publish the adopted hemispheric report (409 if not adopted or already published): readable without signing in',
  })
  @ApiProblems({
    404: true,
    409: [MECHANISM_REPORT_RULES.hemispheric_report_not_adopted, MECHANISM_REPORT_RULES.hemispheric_report_published],
  })
  publish(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<HemisphericReportView> {
    return this.reports.publish(caller, id, meta);
  }
}
