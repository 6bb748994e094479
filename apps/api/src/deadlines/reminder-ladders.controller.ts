import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReminderLadders, type ReminderLadderView } from '@mesecvi/deadlines';
import { AjvBodyPipe, Authenticated, CurrentRequest, openApiSchema, type RequestMeta } from '@mesecvi/http';
import { ladderSchema, type LadderBody } from './deadlines.dto';

const ladderExample = {
  deadlineKind: 'response',
  rules: [
    {
      id: 'b3f0a1c2-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      offsetDays: -7,
      timeOfDay: '09:00',
      recipientRoles: ['focal_point'],
      template: 'deadline_reminder',
      maxCount: 3,
      updatedAt: '2026-08-01T14:00:00.000Z',
    },
    {
      id: 'c4a1b2d3-5e6f-4a70-9b8c-0d1e2f3a4b5c',
      offsetDays: 7,
      timeOfDay: '09:00',
      recipientRoles: ['secretariat'],
      template: 'deadline_escalation',
      maxCount: 3,
      updatedAt: '2026-08-01T14:00:00.000Z',
    },
  ],
};

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('reminder-ladders')
export class ReminderLaddersController {
  constructor(private readonly ladders: ReminderLadders) {}

  @Get()
  @Authenticated('secretariat')
  @ApiOperation({ summary: 'Every reminder ladder, one per deadline kind (secretariat)' })
  @ApiOkResponse({ schema: { example: [ladderExample] } })
  list(): Promise<ReminderLadderView[]> {
    return this.ladders.list();
  }

  @Get(':kind')
  @Authenticated('secretariat')
  @ApiOperation({ summary: "One deadline kind's reminder ladder (secretariat)" })
  @ApiOkResponse({ schema: { example: ladderExample } })
  get(@Param('kind') kind: string): Promise<ReminderLadderView> {
    return this.ladders.get(kind);
  }

  @Put(':kind')
  @Authenticated('secretariat')
  @ApiOperation({
    summary:
      "Replace a deadline kind's reminder ladder; future unsent reminders of its live deadlines are re-planned (secretariat)",
    description: 'Rules are matched by offsetDays: a rule kept is updated, a new one added, a missing one retired.',
  })
  @ApiBody({ schema: openApiSchema(ladderSchema) })
  @ApiOkResponse({ schema: { example: { ...ladderExample, deadlinesReplanned: 12 } } })
  replace(
    @Param('kind') kind: string,
    @Body(new AjvBodyPipe(ladderSchema)) body: LadderBody,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<ReminderLadderView> {
    return this.ladders.replace(kind, body.rules, meta);
  }
}
