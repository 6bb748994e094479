import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ledgerCsv } from '@mesecvi/compliance';
import { DomainError } from '@mesecvi/errors';
import {
  ApiProblems,
  Authenticated,
  CurrentCaller,
  CurrentRequest,
  openApiSchema,
  type Caller,
  type RequestMeta,
} from '@mesecvi/http';
import { OutboxLedger, OutboxPageSchema, type OutboxPage } from '@mesecvi/mail';
import { PolicyService } from '@mesecvi/policy';
import { OutboxQueryPipe } from '../outbox/outbox-query.pipe';
import type { OutboxQuery } from '../outbox/outbox.query';

/** Ledger views beside `GET /outbox`: its CSV export, and one state's own rows for its focal point. */
@ApiTags('outbox')
@ApiBearerAuth()
@Controller()
export class LedgerViewsController {
  constructor(
    private readonly ledger: OutboxLedger,
    private readonly policy: PolicyService,
  ) {}

  @Get('outbox.csv')
  @Authenticated('secretariat')
  @ApiOperation({
    summary: 'The mail ledger as CSV, newest first, with the same filters as GET /outbox (at most 10,000 rows)',
  })
  @ApiProduces('text/csv')
  async csv(
    @Query(OutboxQueryPipe) query: OutboxQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { limit: _limit, cursor: _cursor, ...filter } = query;
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="outbox.csv"')
      .header('cache-control', 'no-store');
    return ledgerCsv(this.ledger, filter);
  }

  @Get('states-parties/:code/notifications')
  @Authenticated('secretariat', 'state_focal_point')
  @ApiOperation({
    summary:
      'The mails sent about one state (its focal point: its own state only, without the secretariat’s internal mails nor those to its rapporteurs; 404 for another state)',
    description: 'Same filters and paging as GET /outbox; `stateCode` is the path’s.',
  })
  @ApiOkResponse({ schema: openApiSchema(OutboxPageSchema) })
  @ApiProblems({ 404: true, 422: true })
  list(
    @Param('code') code: string,
    @Query(OutboxQueryPipe) query: OutboxQuery,
    @CurrentCaller() caller: Caller,
    @CurrentRequest() meta: RequestMeta,
  ): Promise<OutboxPage> {
    if (!/^[A-Z]{3}$/.test(code)) throw new DomainError('not_found', `State party ${code} was not found`);
    this.policy.assertStateRecords(caller, code, meta, `State party ${code}`);
    // The state's own view leaves out the secretariat's mails and the committee's (who its rapporteurs are stays with the committee).
    const internal = caller.role === 'secretariat' ? undefined : ['secretariat', 'rapporteur'];
    return this.ledger.list({ ...query, stateCode: code, excludeRecipientRoles: internal });
  }
}
