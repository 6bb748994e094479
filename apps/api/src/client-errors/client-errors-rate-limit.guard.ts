import {
  Inject,
  Injectable,
  Logger,
  type CanActivate,
  type ExecutionContext,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { rateLimited, SharedRateLimit } from '../rate-limit/shared-rate-limit';

/**
 * Error reports per client address (CLIENT_ERRORS_RATE_LIMIT_POINTS per window, shared by every
 * api instance): the route takes anonymous callers, so a page stuck in an error loop or a script
 * cannot fill the log. Checked before the body, so refused input counts too.
 */
@Injectable()
export class ClientErrorsRateLimitGuard implements CanActivate, OnModuleDestroy {
  private readonly logger = new Logger('ClientErrors');
  private readonly limit: SharedRateLimit;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limit = new SharedRateLimit(config, 'client-errors', config.http.clientErrorsRateLimit);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const seconds = await this.limit.consume(request.ip);
    if (seconds === null) return true;
    this.logger.warn({ msg: 'client error reports limited', address: request.ip, retryAfterSeconds: seconds });
    throw rateLimited(seconds, 'client_errors_rate_limit', 'Too many error reports in a short time.');
  }

  onModuleDestroy(): void {
    this.limit.close();
  }
}
