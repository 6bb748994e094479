import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  AjvBodyPipe,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  openApiSchema,
  type Caller,
  type RequestMeta,
  IfMatch,
  type Precondition,
  ApiProblems,
} from '@mesecvi/http';
import { Corrigenda, CountryReports, ReportDecisions, type CountryReportView, REPORT_RULES } from '@mesecvi/reports';
import {
  adoptionSchema,
  corrigendumSchema,
  observationsSchema,
  reportDraftSchema,
  type AdoptionBody,
  type CorrigendumBody,
  type ObservationsBody,
  type ReportDraftBody,
} from './reports.dto';

const ifMatch = {
  name: 'If-Match',
  required: true,
  description: 'The ETag of the report you read (missing → 428, stale → 412 with the current ETag)',
};
const withEtag = (reply: FastifyReply, report: CountryReportView): CountryReportView => {
  void reply.header('etag', `"${report.version}"`);
  return report;
};

@ApiTags('country reports')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(
    private readonly reports: CountryReports,
    private readonly decisions: ReportDecisions,
    private readonly corrigenda: Corrigenda,
  ) {}

  @Post('evaluations/:id/report')
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({
    summary:
      'Start the country report of an evaluation under review (the secretariat, the Coordinator, its rapporteurs)',
  })
  @ApiProblems({ 403: true, 404: true, 409: [REPORT_RULES.report_needs_review, REPORT_RULES.report_exists] })
  async create(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CountryReportView> {
    return withEtag(reply, await this.reports.create(caller, id, meta));
  }

  @Get('evaluations/:id/report')
  @Authenticated('secretariat', 'committee_expert', 'state_focal_point', 'state_contributor')
  @ApiOperation({
    summary: "An evaluation's country report: the committee always, the state from the preliminary version on",
  })
  async forEvaluation(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CountryReportView> {
    return withEtag(reply, await this.reports.forEvaluation(caller, id, meta));
  }

  @Get('reports/:id')
  @Authenticated('secretariat', 'committee_expert', 'state_focal_point', 'state_contributor')
  @ApiOperation({
    summary: 'A country report with its recommendations and the state’s observations; ETag for the writes',
  })
  async get(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CountryReportView> {
    return withEtag(reply, await this.reports.get(caller, id, meta));
  }

  @Put('reports/:id')
  @Authenticated('secretariat', 'committee_expert')
  @ApiHeader(ifMatch)
  @ApiOperation({
    summary:
      'Save the draft: analysis per theme and recommendations (ids kept stable as {round}-{state}-{n}); an adopted report is refused (409)',
  })
  @ApiBody({ schema: openApiSchema(reportDraftSchema) })
  @ApiProblems({
    403: true,
    404: true,
    409: [REPORT_RULES.report_adopted],
    412: true,
    422: [
      REPORT_RULES.follow_up_no_new_recommendations,
      REPORT_RULES.known_recommendation_ids,
      REPORT_RULES.known_theme,
      REPORT_RULES.known_theme_short,
      REPORT_RULES.known_article,
    ],
    428: true,
  })
  async save(
    @Param('id') id: string,
    @IfMatch({ required: true }) precondition: Precondition,
    @Body(new AjvBodyPipe(reportDraftSchema)) body: ReportDraftBody,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CountryReportView> {
    return withEtag(reply, await this.reports.saveDraft(caller, id, precondition, body, meta));
  }

  @Post('reports/:id/preliminary')
  @HttpCode(200)
  @Authenticated('secretariat')
  @ApiHeader(ifMatch)
  @ApiOperation({
    summary:
      'Send the preliminary report to the state: mail to the focal point, observations deadline counted from today (the round’s observation days)',
  })
  @ApiProblems({
    403: true,
    404: true,
    409: [REPORT_RULES.report_incomplete, REPORT_RULES.report_incomplete_follow_up],
    412: true,
    428: true,
  })
  async preliminary(
    @Param('id') id: string,
    @IfMatch({ required: true }) precondition: Precondition,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CountryReportView> {
    return withEtag(reply, await this.decisions.sendPreliminary(caller, id, precondition, meta));
  }

  @Post('reports/:id/observations')
  @HttpCode(200)
  @Authenticated('secretariat', 'state_focal_point')
  @ApiOperation({
    summary:
      'The state’s observations (general or per recommendation); the secretariat enters them on its behalf with onBehalf',
  })
  @ApiBody({ schema: openApiSchema(observationsSchema) })
  @ApiProblems({
    403: true,
    404: true,
    409: [REPORT_RULES.observations_deadline_passed, REPORT_RULES.observations_not_open],
    422: [
      REPORT_RULES.on_behalf_required,
      REPORT_RULES.on_behalf_secretariat,
      REPORT_RULES.observations_required,
      REPORT_RULES.known_recommendation,
      REPORT_RULES.known_attachment,
    ],
  })
  async observations(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(observationsSchema)) body: ObservationsBody,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CountryReportView> {
    return withEtag(reply, await this.decisions.submitObservations(caller, id, body, meta));
  }

  @Post('reports/:id/adoption')
  @HttpCode(200)
  @Authenticated('secretariat')
  @ApiHeader(ifMatch)
  @ApiOperation({
    summary:
      'Record the committee’s adoption (consensus or vote counts, meeting, date) and assign the document symbol; before observations or their deadline, overrideReason is required (409)',
  })
  @ApiBody({ schema: openApiSchema(adoptionSchema) })
  @ApiProblems({
    403: true,
    404: true,
    409: [
      REPORT_RULES.report_not_preliminary,
      REPORT_RULES.adoption_needs_observations_or_override,
      REPORT_RULES.symbol_taken,
    ],
    412: true,
    422: [REPORT_RULES.format, REPORT_RULES.decision_counts],
    428: true,
  })
  async adopt(
    @Param('id') id: string,
    @IfMatch({ required: true }) precondition: Precondition,
    @Body(new AjvBodyPipe(adoptionSchema)) body: AdoptionBody,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CountryReportView> {
    return withEtag(reply, await this.decisions.adopt(caller, id, precondition, body, meta));
  }

  @Post('reports/:id/corrigenda')
  @HttpCode(200)
  @Authenticated('secretariat')
  @ApiHeader(ifMatch)
  @ApiOperation({
    summary:
      'Issue a corrigendum of an adopted report: corrected sections and the reason; the document becomes {symbol}/Rev.{n}',
  })
  @ApiBody({ schema: openApiSchema(corrigendumSchema) })
  @ApiProblems({
    403: true,
    404: true,
    409: [REPORT_RULES.corrigendum_needs_adoption],
    412: true,
    422: [REPORT_RULES.corrigendum_changes, REPORT_RULES.known_theme],
    428: true,
  })
  async correct(
    @Param('id') id: string,
    @IfMatch({ required: true }) precondition: Precondition,
    @Body(new AjvBodyPipe(corrigendumSchema)) body: CorrigendumBody,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CountryReportView> {
    return withEtag(reply, await this.corrigenda.issue(caller, id, precondition, body, meta));
  }

  @Post('reports/:id/publication')
  @HttpCode(200)
  @Authenticated('secretariat')
  @ApiOperation({ summary: 'Publish an adopted report (409 otherwise): it becomes readable without signing in' })
  @ApiProblems({ 403: true, 404: true, 409: [REPORT_RULES.report_not_adopted] })
  async publish(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CountryReportView> {
    return withEtag(reply, await this.decisions.publish(caller, id, meta));
  }
}
