import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { DomainError } from '@mesecvi/errors';
import { Public } from '@mesecvi/http';
import { ForwardedHeaders, type ProxyReport } from './forwarded-headers.service';
import { RedisPing } from './redis-ping.service';

@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly redis: RedisPing,
    private readonly forwarded: ForwardedHeaders,
  ) {}

  @Get('health')
  @Public()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @Public()
  @ApiOperation({
    summary: 'Readiness: PostgreSQL and Redis both answer; `proxy` tells which proxies are trusted',
  })
  @ApiOkResponse({
    schema: {
      example: {
        status: 'ok',
        info: { database: { status: 'up' }, redis: { status: 'up' } },
        proxy: { trustedProxies: 'none', forwardedHeadersIgnored: false },
      },
    },
  })
  @ApiServiceUnavailableResponse({ description: 'problem+json with the failing checks under `checks`' })
  async ready(): Promise<HealthCheckResult & { proxy: ProxyReport }> {
    try {
      const result = await this.health.check([
        () => this.db.pingCheck('database', { timeout: 1000 }),
        async () => {
          const indicator = this.indicators.check('redis');
          try {
            await this.redis.ping();
            return indicator.up();
          } catch (e) {
            return indicator.down({ message: e instanceof Error ? e.message : 'unreachable' });
          }
        },
      ]);
      return { ...result, proxy: this.forwarded.report() };
    } catch (e) {
      const checks = (e as { response?: { details?: unknown } }).response?.details;
      throw new DomainError('service_unavailable', 'A backing service is not answering.', { extensions: { checks } });
    }
  }
}
