import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  APPOINTMENT_RULES as R,
  AppointmentsService,
  type AppointmentView,
  type RecordAppointmentInput,
} from '@mesecvi/appointments';
import {
  AjvBodyPipe,
  ApiProblems,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  openApiSchema,
  type Caller,
  type RequestMeta,
} from '@mesecvi/http';
import { appointmentExample, endAppointmentSchema, recordAppointmentSchema, type EndBody } from './appointments.dto';

@ApiTags('appointments')
@ApiBearerAuth()
@Controller('appointments')
export class AppointmentsController {
  constructor(private readonly appointments: AppointmentsService) {}

  @Post()
  @Authenticated('secretariat')
  @ApiOperation({
    summary:
      "Record a state's notification of an appointment (secretariat): titular or alternate expert, or CNA focal point. Invites the person; replacesId must name the seat's active holder (409 otherwise); answers the state's pending requests",
  })
  @ApiBody({ schema: openApiSchema(recordAppointmentSchema) })
  @ApiCreatedResponse({ schema: { example: appointmentExample } })
  @ApiProblems({
    403: true,
    409: [
      R.replaces_mismatch,
      R.replaces_mismatch_empty_seat,
      R.replaces_already_replaced,
      R.overlapping_terms,
      R.overlapping_previous_term,
      R.one_active_per_seat,
      R.proposal_not_open,
    ],
    422: [R.end_after_start, R.term_end_in_future, R.known_state, R.proposal_matches],
  })
  record(
    @Body(new AjvBodyPipe(recordAppointmentSchema)) body: RecordAppointmentInput,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<AppointmentView> {
    return this.appointments.record(body, meta);
  }

  @Get(':id')
  @Authenticated('secretariat', 'state_focal_point')
  @ApiOperation({ summary: "One appointment (the secretariat; a focal point its own state's)" })
  @ApiOkResponse({ schema: { example: appointmentExample } })
  @ApiProblems({ 403: true, 404: true })
  get(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<AppointmentView> {
    return this.appointments.get(caller, id, meta);
  }

  @Post(':id/end')
  @Authenticated('secretariat')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Set the end of an active term (secretariat): today or earlier ends it now, a later date ends it on that date; committee access stops, history stays',
  })
  @ApiBody({ schema: openApiSchema(endAppointmentSchema) })
  @ApiOkResponse({
    schema: { example: { ...appointmentExample, status: 'ended', endReason: 'term_end', termEnd: '2027-02-28' } },
  })
  @ApiProblems({ 403: true, 404: true, 409: [R.appointment_not_active], 422: [R.end_after_start] })
  end(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(endAppointmentSchema)) body: EndBody,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<AppointmentView> {
    return this.appointments.end(id, body.endDate, meta);
  }

  @Post(':id/withdraw')
  @Authenticated('secretariat')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Withdraw an active appointment (secretariat): the seat is empty again and access stops now',
  })
  @ApiOkResponse({ schema: { example: { ...appointmentExample, status: 'withdrawn', endReason: 'withdrawn' } } })
  @ApiProblems({ 403: true, 404: true, 409: [R.appointment_not_active] })
  withdraw(@Param('id') id: string, @CurrentRequest() meta: RequestMeta): Promise<AppointmentView> {
    return this.appointments.withdraw(id, meta);
  }
}
