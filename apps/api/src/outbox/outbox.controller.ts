import { applyDecorators, Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '@mesecvi/http';
import { OutboxLedger, type OutboxPage } from '@mesecvi/mail';
import { outboxQueryJson, type OutboxQuery } from './outbox.query';
import { OutboxQueryPipe } from './outbox-query.pipe';

const QUERY_DOCS: Record<keyof typeof outboxQueryJson.properties, string> = {
  kind: 'Only mails of this kind',
  recipient: 'Only mails whose recipient address contains this text (any case)',
  stateCode: 'Only mails concerning this state (three-letter code, e.g. `HTI`)',
  roundId: 'Only mails about this round: distribution, extensions, reminders of its deadlines, submissions, reports',
  status: 'Only mails in this status (`sent` = accepted by the SMTP server, not necessarily delivered)',
  from: 'Mails staged at or after this ISO 8601 date or date-time',
  to: 'Mails staged before this ISO 8601 date or date-time (exclusive)',
  limit: 'Page size, 1–200 (default 50)',
  cursor: 'The `nextCursor` of the previous page',
};

/** One `ApiQuery` per parameter, from the schema the pipe validates with. */
const DocumentedQuery = (): MethodDecorator =>
  applyDecorators(
    ...Object.entries(QUERY_DOCS).map(([name, description]) =>
      ApiQuery({
        name,
        required: false,
        description,
        schema: outboxQueryJson.properties[name as keyof typeof QUERY_DOCS] as object,
      }),
    ),
  );

const messageExample = {
  id: '3d1f4c7a-8a2b-4c55-9a11-1f0e2d3c4b5a',
  kind: 'invitation',
  template: 'invitation',
  language: 'fr',
  recipient: {
    address: 'point.focal@example.ht',
    name: 'Marie Joseph',
    userId: '6f1c2d7e-1b1a-4b8e-9a51-0c3f2b9d8e11',
    role: 'state_focal_point',
  },
  stateCode: 'HTI',
  related: { type: 'user_account', id: '6f1c2d7e-1b1a-4b8e-9a51-0c3f2b9d8e11' },
  status: 'sent',
  attempts: 1,
  nextAttemptAt: '2026-03-01T14:03:07.120Z',
  messageId: '<3d1f4c7a-8a2b-4c55-9a11-1f0e2d3c4b5a@mesecvi.localhost>',
  smtpResponse: '250 Message queued',
  lastError: null,
  createdAt: '2026-03-01T14:03:07.120Z',
  sentAt: '2026-03-01T14:03:08.004Z',
  updatedAt: '2026-03-01T14:03:08.004Z',
};

@ApiTags('outbox')
@ApiBearerAuth()
@Controller('outbox')
export class OutboxController {
  constructor(private readonly ledger: OutboxLedger) {}

  @Get()
  @Authenticated('secretariat')
  @ApiOperation({
    summary: 'List the mail ledger (outbox), newest first (secretariat)',
    description:
      'Every mail the platform staged: recipient, language, status, attempts, SMTP response and last error. ' +
      'Filters combine with AND. Payloads are not shown: they can hold single-use links.',
  })
  @ApiOkResponse({ schema: { example: { items: [messageExample], nextCursor: null } } })
  @DocumentedQuery()
  list(@Query(OutboxQueryPipe) query: OutboxQuery): Promise<OutboxPage> {
    return this.ledger.list(query);
  }
}
