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
import { callerOf } from '@mesecvi/http';
import { rateLimited, SharedRateLimit } from './shared-rate-limit';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Limits writes per signed-in user (WRITE_RATE_LIMIT_POINTS per WRITE_RATE_LIMIT_WINDOW_SECONDS),
 * shared by every api instance (SharedRateLimit). A guard registered after the access guard (the
 * caller is known) and so before body validation: refused bad input counts too. A guard, not an
 * interceptor: any global interceptor makes Nest bind an AsyncResource per request, whose
 * deprecation path in Node 20 cost a third of GET /health's throughput (CPU profile of the bench).
 */
@Injectable()
export class WriteRateLimitGuard implements CanActivate, OnModuleDestroy {
  private readonly logger = new Logger('WriteRateLimit');
  private readonly limit: SharedRateLimit | null = null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.http.writeRateLimit.points === 0) return;
    this.limit = new SharedRateLimit(config, 'writes', config.http.writeRateLimit);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const caller = this.limit && WRITE_METHODS.has(request.method) ? callerOf(request) : null;
    const seconds = caller && this.limit ? await this.limit.consume(caller.userId) : null;
    if (caller && seconds !== null) {
      this.logger.warn({ msg: 'write rate limit reached', userId: caller.userId, retryAfterSeconds: seconds });
      throw rateLimited(seconds, 'write_rate_limit', 'Too many changes in a short time.');
    }
    return true;
  }

  onModuleDestroy(): void {
    this.limit?.close();
  }
}
