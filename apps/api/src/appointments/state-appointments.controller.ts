import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AppointmentProposals,
  AppointmentsService,
  type AppointmentView,
  type ProposalView,
  type ProposeAppointmentInput,
  APPOINTMENT_RULES,
} from '@mesecvi/appointments';
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
import { appointmentExample, proposalExample, proposeAppointmentSchema } from './appointments.dto';

@ApiTags('appointments')
@ApiBearerAuth()
@Controller()
export class StateAppointmentsController {
  constructor(
    private readonly appointments: AppointmentsService,
    private readonly proposals: AppointmentProposals,
  ) {}

  @Get('states-parties/:code/appointments')
  @Authenticated('secretariat', 'state_focal_point')
  @ApiOperation({
    summary:
      "A state's appointment history, every seat, newest term first (the secretariat; a focal point its own state's)",
  })
  @ApiOkResponse({ schema: { example: [appointmentExample] } })
  history(
    @Param('code') code: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<AppointmentView[]> {
    return this.appointments.history(caller, code, meta);
  }

  @Get('states-parties/:code/appointment-proposals')
  @Authenticated('secretariat', 'state_focal_point')
  @ApiOperation({ summary: "A state's nomination proposals (the secretariat; a focal point its own state's)" })
  @ApiOkResponse({ schema: { example: [proposalExample] } })
  listProposals(
    @Param('code') code: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<ProposalView[]> {
    return this.proposals.list(caller, code, meta);
  }

  @Post('states-parties/:code/appointment-proposals')
  @Authenticated('secretariat', 'state_focal_point')
  @ApiOperation({
    summary:
      'Propose a nomination with its supporting note (a focal point for its own state); only the secretariat confirms it, by recording the appointment with proposalId',
  })
  @ApiBody({ schema: openApiSchema(proposeAppointmentSchema) })
  @ApiCreatedResponse({ schema: { example: proposalExample } })
  propose(
    @Param('code') code: string,
    @Body(new AjvBodyPipe(proposeAppointmentSchema)) body: ProposeAppointmentInput,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<ProposalView> {
    return this.proposals.propose(caller, code, body, meta);
  }

  @Post('appointment-proposals/:id/reject')
  @Authenticated('secretariat')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject a nomination proposal (secretariat)' })
  @ApiOkResponse({ schema: { example: { ...proposalExample, status: 'rejected' } } })
  @ApiProblems({ 404: true, 409: [APPOINTMENT_RULES.proposal_not_open] })
  reject(@Param('id') id: string, @CurrentRequest() meta: RequestMeta): Promise<ProposalView> {
    return this.proposals.reject(id, meta);
  }
}
