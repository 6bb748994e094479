import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ComplianceDashboardSchema,
  ComplianceHistorySchema,
  complianceCsv,
  complianceXlsx,
  ComplianceService,
  type ComplianceDashboard,
  type ComplianceHistory,
} from '@mesecvi/compliance';
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

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const download = (reply: FastifyReply, type: string, name: string): void => {
  void reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store');
};

/** The compliance view: the secretariat's, read-only for the committee; a state's own history for its people. */
@ApiTags('compliance')
@ApiBearerAuth()
@Controller()
export class ComplianceController {
  constructor(private readonly compliance: ComplianceService) {}

  @Get('rounds/:id/compliance')
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({
    summary:
      'Who is on time, late or silent in a round: a row per state and the round totals (secretariat; committee read-only)',
    description:
      'Late = submitted after its due day ended (mechanism calendar); overdue = not submitted and the due day has passed, counted to the clock’s today. ' +
      'Rates are over the states invited; mean and median days late are over late submissions. `alerts.failedMails` counts failed mails in the ledger.',
  })
  @ApiOkResponse({ schema: openApiSchema(ComplianceDashboardSchema) })
  @ApiProblems({ 404: true })
  dashboard(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<ComplianceDashboard> {
    return this.compliance.roundDashboard(caller, id);
  }

  @Get('rounds/:id/compliance.csv')
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({ summary: 'The round’s compliance rows as CSV, then its totals as metric,value lines' })
  @ApiProduces('text/csv')
  @ApiOkResponse(fileResponse('text/csv', 'One line per state, then metric,value lines for the totals (UTF-8)'))
  @ApiProblems({ 404: true })
  async csv(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const dashboard = await this.compliance.roundDashboard(caller, id);
    download(reply, 'text/csv; charset=utf-8', `compliance-round-${dashboard.round.number}.csv`);
    return complianceCsv(dashboard);
  }

  @Get('rounds/:id/compliance.xlsx')
  @Authenticated('secretariat', 'committee_expert')
  @ApiOperation({ summary: 'The round’s compliance as an Excel workbook: sheets "States" and "Totals"' })
  @ApiProduces(XLSX)
  @ApiOkResponse(fileResponse(XLSX, 'An Excel workbook with the sheets "States" and "Totals"'))
  @ApiProblems({ 404: true })
  async xlsx(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const dashboard = await this.compliance.roundDashboard(caller, id);
    download(reply, XLSX, `compliance-round-${dashboard.round.number}.xlsx`);
    return complianceXlsx(dashboard);
  }

  @Get('states-parties/:code/compliance-history')
  @Authenticated('secretariat', 'committee_expert', 'state_focal_point', 'state_contributor')
  @ApiOperation({
    summary: 'A state’s timeliness across rounds (its own people see their own state only; 404 for another)',
  })
  @ApiOkResponse({ schema: openApiSchema(ComplianceHistorySchema) })
  @ApiProblems({ 404: true })
  history(
    @Param('code') code: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<ComplianceHistory> {
    return this.compliance.stateHistory(caller, code, meta);
  }
}
