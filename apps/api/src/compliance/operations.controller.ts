import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperationsSnapshot, type QueuesSnapshot } from '@mesecvi/compliance';
import { Authenticated } from '@mesecvi/http';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('operations')
export class OperationsController {
  constructor(private readonly snapshot: OperationsSnapshot) {}

  @Get('queues')
  @Authenticated('secretariat')
  @ApiOperation({
    summary:
      'Delivery at a glance (secretariat): jobs per queue and state, the oldest due-but-unsent reminder, pending and failed mails',
  })
  @ApiOkResponse({
    schema: {
      example: {
        asOf: '2027-04-10T13:00:00.000Z',
        oldestDueReminderAgeSeconds: 0,
        dueReminders: 0,
        failedMails: 1,
        pendingMails: 0,
        oldestPendingMailAgeSeconds: 0,
        queues: [{ queue: 'mail', counts: { waiting: 0, active: 0, delayed: 0, failed: 0, prioritized: 0 } }],
      },
    },
  })
  queues(): Promise<QueuesSnapshot> {
    return this.snapshot.queuesSnapshot();
  }
}
