import { applyDecorators, Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated, openApiSchema } from '@mesecvi/http';
import { OutboxLedger, OutboxPageSchema, type OutboxPage } from '@mesecvi/mail';
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
  @ApiOkResponse({ schema: openApiSchema(OutboxPageSchema) })
  @ApiProblems({ 422: true })
  @DocumentedQuery()
  list(@Query(OutboxQueryPipe) query: OutboxQuery): Promise<OutboxPage> {
    return this.ledger.list(query);
  }
}
