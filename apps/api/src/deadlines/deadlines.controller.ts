import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Type } from '@sinclair/typebox';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DeadlineQueries,
  SecretariatDeadlines,
  type DeadlineDetail,
  type DeadlinePage,
  type DeadlineView,
  type ReminderView,
  DEADLINE_RULES,
  DeadlineViewSchema,
  DeadlinePageSchema,
} from '@mesecvi/deadlines';
import {
  AjvBodyPipe,
  AjvQueryPipe,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  openApiSchema,
  type Caller,
  type RequestMeta,
  IfMatch,
  type Precondition,
  ApiProblems,
  ApiQueryFrom,
} from '@mesecvi/http';
import { PolicyService } from '@mesecvi/policy';
import {
  adHocDeadlineSchema,
  cancelDeadlineSchema,
  completeDeadlineSchema,
  deadlineExample,
  deadlineListQuerySchema,
  moveDeadlineSchema,
  type AdHocDeadlineBody,
  type CloseDeadlineBody,
  type DeadlineListQuery,
  type MoveDeadlineBody,
} from './deadlines.dto';

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('deadlines')
export class DeadlinesController {
  constructor(
    private readonly queries: DeadlineQueries,
    private readonly secretariat: SecretariatDeadlines,
    private readonly policy: PolicyService,
  ) {}

  @Get()
  @Authenticated('secretariat', 'state_focal_point', 'state_contributor')
  @ApiOperation({ summary: "List deadlines, soonest first; a state's users see their own state's only" })
  @ApiOkResponse({ schema: openApiSchema(DeadlinePageSchema) })
  @ApiQueryFrom(deadlineListQuerySchema)
  list(
    @Query(new AjvQueryPipe(deadlineListQuerySchema)) query: DeadlineListQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<DeadlinePage> {
    return this.queries.list(query, this.policy.stateRecordsScope(caller));
  }

  @Post()
  @Authenticated('secretariat')
  @ApiOperation({
    summary:
      'Set an ad-hoc deadline (a title and a due date) for one or more states, with the usual reminders (secretariat)',
  })
  @ApiBody({ schema: openApiSchema(adHocDeadlineSchema) })
  @ApiCreatedResponse({ schema: openApiSchema(Type.Array(DeadlineViewSchema)) })
  @ApiProblems({ 404: true, 422: [DEADLINE_RULES.due_date_in_past] })
  create(
    @Body(new AjvBodyPipe(adHocDeadlineSchema)) body: AdHocDeadlineBody,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<DeadlineView[]> {
    return this.secretariat.createAdHoc(body, meta);
  }

  @Get(':id')
  @Authenticated('secretariat', 'state_focal_point', 'state_contributor')
  @ApiOperation({ summary: 'A deadline with its history of versions (extensions, corrections) and closing' })
  @ApiOkResponse({
    schema: {
      example: {
        ...deadlineExample,
        history: [
          {
            version: 1,
            change: 'created',
            dueDate: '2026-09-30',
            status: 'open',
            reason: null,
            actor: null,
            at: '2026-08-01T14:00:00.000Z',
          },
        ],
      },
    },
  })
  get(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<DeadlineDetail> {
    return this.queries.get(
      id,
      (stateCode) => {
        const ok = this.policy.canReadStateRecords(caller, stateCode);
        if (!ok) this.policy.denied(caller, meta, `deadline ${id}`, stateCode);
        return ok;
      },
      !this.policy.isStateBound(caller),
    );
  }

  @Post(':id/move')
  @HttpCode(200)
  @Authenticated('secretariat')
  @ApiOperation({
    summary:
      'Move a deadline (extension or correction) with a reason: a new version whose reminders are re-planned (secretariat)',
  })
  @ApiBody({ schema: openApiSchema(moveDeadlineSchema) })
  @ApiOkResponse({ schema: openApiSchema(DeadlineViewSchema) })
  @ApiProblems({ 404: true, 409: true, 412: true, 422: [DEADLINE_RULES.due_date_in_past], 428: true })
  move(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(moveDeadlineSchema)) body: MoveDeadlineBody,
    @IfMatch({ required: false }) precondition: Precondition,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<DeadlineView> {
    return this.secretariat.move(id, body.dueDate, body.reason, precondition.version(), meta, body.confirmPastDue);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Authenticated('secretariat')
  @ApiOperation({ summary: 'Mark an ad-hoc deadline as met: its unsent reminders are cancelled (secretariat)' })
  @ApiBody({ schema: openApiSchema(completeDeadlineSchema) })
  @ApiOkResponse({ schema: openApiSchema(DeadlineViewSchema) })
  @ApiProblems({ 404: true, 409: true })
  complete(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(completeDeadlineSchema)) body: CloseDeadlineBody,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<DeadlineView> {
    return this.secretariat.complete(id, body.reason ?? null, meta);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Authenticated('secretariat')
  @ApiOperation({
    summary: 'Withdraw an ad-hoc deadline with a reason: its unsent reminders are cancelled (secretariat)',
  })
  @ApiBody({ schema: openApiSchema(cancelDeadlineSchema) })
  @ApiOkResponse({ schema: openApiSchema(DeadlineViewSchema) })
  @ApiProblems({ 404: true, 409: true })
  cancel(
    @Param('id') id: string,
    @Body(new AjvBodyPipe(cancelDeadlineSchema)) body: Required<CloseDeadlineBody>,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<DeadlineView> {
    return this.secretariat.cancel(id, body.reason, meta);
  }

  @Get(':id/reminders')
  @Authenticated('secretariat')
  @ApiOperation({
    summary:
      "A deadline's reminders over all its versions, with the ledger rows (mails) each produced; `status` is what became of the reminder as a person reads it (planned, sending, sent, failed, skipped, superseded, cancelled), `sweepStatus` the engine's own (secretariat)",
  })
  @ApiOkResponse({
    schema: {
      example: [
        {
          id: '5d7c1e2a-0b3f-4a6e-9c8d-7e6f5a4b3c2d',
          deadlineVersion: 1,
          rule: {
            id: '1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9',
            offsetDays: -7,
            timeOfDay: '09:00',
            template: 'deadline_reminder',
          },
          recipientRole: 'focal_point',
          plannedAt: '2026-09-23T13:00:00.000Z',
          status: 'sent',
          sweepStatus: 'queued',
          reason: null,
          recipients: 1,
          processedAt: '2026-09-23T13:00:41.000Z',
          deliveries: [
            {
              outboxId: '3d1f4c7a-8a2b-4c55-9a11-1f0e2d3c4b5a',
              address: 'point.focal@example.ht',
              role: 'state_focal_point',
              language: 'fr',
              status: 'sent',
              sentAt: '2026-09-23T13:00:42.000Z',
            },
          ],
        },
      ],
    },
  })
  reminders(@Param('id') id: string): Promise<ReminderView[]> {
    return this.queries.reminders(id);
  }
}
