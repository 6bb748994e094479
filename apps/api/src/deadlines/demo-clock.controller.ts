import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClockService } from '@mesecvi/clock';
import { AjvBodyPipe, Authenticated, openApiSchema } from '@mesecvi/http';
import { clockSchema, type ClockBody } from './deadlines.dto';

/**
 * Moves the shared clock forward so a person can watch reminders arrive.
 * Mounted only in demo and test modes: in production this route does not exist at all.
 */
@ApiTags('demo')
@ApiBearerAuth()
@Controller('demo')
export class DemoClockController {
  constructor(private readonly clock: ClockService) {}

  @Post('clock')
  @HttpCode(200)
  @Authenticated('secretariat')
  @ApiOperation({
    summary: 'Move the demo clock forward by days, hours or minutes (demo and test modes only; secretariat)',
    description:
      'API and worker read the same offset from PostgreSQL. Access tokens expire against the moved clock: sign in again afterwards.',
  })
  @ApiBody({ schema: openApiSchema(clockSchema) })
  @ApiOkResponse({ schema: { example: { now: '2026-09-23T13:05:00.000Z' } } })
  async advance(@Body(new AjvBodyPipe(clockSchema)) body: ClockBody): Promise<{ now: string }> {
    const ms = ((body.days ?? 0) * 24 * 60 + (body.hours ?? 0) * 60 + (body.minutes ?? 0)) * 60_000;
    return { now: (await this.clock.advance(ms)).toISOString() };
  }
}
