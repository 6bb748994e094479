import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '@mesecvi/errors';
import { Authenticated, CurrentCaller, CurrentRequest, Public, type Caller, type RequestMeta } from '@mesecvi/http';
import { CalendarFeedsService } from '@mesecvi/rounds';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Post('me/calendar-feed')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A secret iCalendar URL of the deadlines that concern you (replaces any earlier one)' })
  @ApiCreatedResponse({ schema: { example: { url: 'http://localhost:3000/calendar/Zx8….ics' } } })
  issue(@CurrentCaller() caller: Caller, @CurrentRequest() meta: RequestMeta): Promise<{ url: string }> {
    return this.feeds.issue(caller, meta);
  }

  @Delete('me/calendar-feed')
  @Authenticated()
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke your calendar URL: it stops working at once' })
  @ApiNoContentResponse()
  revoke(@CurrentCaller() caller: Caller, @CurrentRequest() meta: RequestMeta): Promise<void> {
    return this.feeds.revoke(caller, meta);
  }

  @Get('calendar/:file')
  @Public()
  @ApiOperation({ summary: 'The iCalendar feed behind a secret URL (calendar apps send no login token)' })
  @ApiProduces('text/calendar')
  async feed(@Param('file') file: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const body = file.endsWith('.ics') ? await this.feeds.render(file.slice(0, -4)) : null;
    if (body === null) throw new DomainError('not_found', 'Calendar feed was not found');
    void reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300');
    return body;
  }
}
