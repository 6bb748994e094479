import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AppointmentRequests,
  type AppointmentRequestView,
  type OpenRequestInput,
  type RequestTargetView,
  APPOINTMENT_RULES,
} from '@mesecvi/appointments';
import {
  AjvBodyPipe,
  Authenticated,
  CurrentRequest,
  openApiSchema,
  type RequestMeta,
  ApiProblems,
} from '@mesecvi/http';
import {
  declineSchema,
  openRequestSchema,
  requestExample,
  resendRequestSchema,
  targetExample,
  type DeclineBody,
  type ResendBody,
} from './appointments.dto';

@ApiTags('appointments')
@ApiBearerAuth()
@Controller('appointment-requests')
export class AppointmentRequestsController {
  constructor(private readonly requests: AppointmentRequests) {}

  @Post()
  @Authenticated('secretariat')
  @ApiOperation({
    summary:
      'Ask states parties (all, or stateCodes) to appoint or confirm seats by a reply date: mails each state in its language and opens its reply deadline with reminders',
  })
  @ApiBody({ schema: openApiSchema(openRequestSchema) })
  @ApiCreatedResponse({ schema: { example: requestExample } })
  @ApiProblems({ 422: [APPOINTMENT_RULES.reply_date_not_past] })
  open(
    @Body(new AjvBodyPipe(openRequestSchema)) body: OpenRequestInput,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<AppointmentRequestView> {
    return this.requests.open(body, meta);
  }

  @Get()
  @Authenticated('secretariat')
  @ApiOperation({
    summary: 'Appointment requests, newest first, with pending / answered / declined counts (secretariat)',
  })
  @ApiOkResponse({ schema: { example: [{ ...requestExample, states: undefined }] } })
  list(): Promise<AppointmentRequestView[]> {
    return this.requests.list();
  }

  @Get(':id')
  @Authenticated('secretariat')
  @ApiOperation({
    summary:
      'One appointment request with each state: pending / answered / declined, with dates and re-sends (secretariat)',
  })
  @ApiOkResponse({ schema: { example: requestExample } })
  get(@Param('id') id: string): Promise<AppointmentRequestView> {
    return this.requests.get(id);
  }

  @Post(':id/resend')
  @Authenticated('secretariat')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Mail the request again to its pending states (all, or stateCodes); each re-send is counted and audited (secretariat)',
  })
  @ApiBody({ schema: openApiSchema(resendRequestSchema) })
  @ApiOkResponse({ schema: { example: [{ ...targetExample, sentCount: 2 }] } })
  @ApiProblems({ 404: true, 409: [APPOINTMENT_RULES.nothing_pending], 422: [APPOINTMENT_RULES.state_in_request] })
  resend(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(resendRequestSchema)) body: ResendBody,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<RequestTargetView[]> {
    return this.requests.resend(id, body.stateCodes, meta);
  }

  @Post(':id/states/:code/decline')
  @Authenticated('secretariat')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Record that a state declined to appoint (secretariat): its part of the request closes and its reminders stop',
  })
  @ApiBody({ schema: openApiSchema(declineSchema) })
  @ApiOkResponse({
    schema: { example: { ...targetExample, status: 'declined', declinedAt: '2026-02-20T14:00:00.000Z' } },
  })
  @ApiProblems({ 404: true, 409: [APPOINTMENT_RULES.target_not_pending] })
  decline(
    @Param('id') id: string,
    @Param('code') code: string,
    @Body(new AjvBodyPipe(declineSchema)) body: DeclineBody,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<RequestTargetView> {
    return this.requests.decline(id, code, body.note, meta);
  }
}
