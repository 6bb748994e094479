import { applyDecorators, Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuditService, type AuditEventPage } from '@mesecvi/audit';
import { Authenticated } from '@mesecvi/http';
import { auditEventsQueryJson, type AuditEventsQuery } from './audit-events.query';
import { AuditEventsQueryPipe } from './audit-events-query.pipe';

const QUERY_DOCS: Record<keyof typeof auditEventsQueryJson.properties, string> = {
  entityType: 'Only events about this kind of entity (e.g. `state_party`)',
  entityId: 'Only events about this entity id (use with entityType)',
  actorUserId: 'Only events by this user',
  action: 'Only this action (e.g. `state_party.updated`)',
  from: 'Events at or after this ISO 8601 date or date-time',
  to: 'Events before this ISO 8601 date or date-time (exclusive)',
  limit: 'Page size, 1–200 (default 50)',
  before: 'Cursor: the `nextBefore` of the previous page',
};

/** One `ApiQuery` per parameter, from the schema the pipe validates with. */
const DocumentedQuery = (): MethodDecorator =>
  applyDecorators(
    ...Object.entries(QUERY_DOCS).map(([name, description]) =>
      ApiQuery({
        name,
        required: false,
        description,
        schema: auditEventsQueryJson.properties[name as keyof typeof QUERY_DOCS] as object,
      }),
    ),
  );

const eventExample = {
  id: '42',
  occurredAt: '2026-03-01T14:03:07.120Z',
  actor: { userId: '6f1c2d7e-1b1a-4b8e-9a51-0c3f2b9d8e11', role: 'secretariat' },
  action: 'state_party.updated',
  entity: { type: 'state_party', id: 'BRA' },
  summary: { fields: ['workingLanguage'] },
  requestId: 'b7b0f6f4-6c0e-4f7e-9d0a-2f2d1c6a9e55',
  seal: { seq: '40', hash: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
};

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditEventsController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Authenticated('secretariat')
  @ApiOperation({
    summary: 'List audit events, newest first (secretariat)',
    description: 'Filters combine with AND. `seal` is null until the worker has sealed the event into the hash chain.',
  })
  @ApiOkResponse({ schema: { example: { items: [eventExample], nextBefore: '42' } } })
  @DocumentedQuery()
  list(@Query(AuditEventsQueryPipe) query: AuditEventsQuery): Promise<AuditEventPage> {
    return this.audit.list(query.filters, query.page);
  }
}
