import {
  Inject,
  Injectable,
  Logger,
  type CanActivate,
  type ExecutionContext,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { DomainError } from '@mesecvi/errors';
import { callerOf } from '@mesecvi/http';
import { redisOptionsFromUrl } from '@mesecvi/jobs';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Limits writes per signed-in user (WRITE_RATE_LIMIT_POINTS per WRITE_RATE_LIMIT_WINDOW_SECONDS),
 * counted in Redis so every api instance shares one budget. A guard registered after the access
 * guard (the caller is known) and so before body validation: refused bad input counts too. A guard,
 * not an interceptor: any global interceptor makes Nest bind an AsyncResource per request, whose
 * deprecation path in Node 20 cost a third of GET /health's throughput (CPU profile of the bench).
 *
 * While Redis is down it falls back to a per-process counter (rate-limiter-flexible's insurance
 * limiter) instead of refusing: writes need no Redis, and this limit is about abuse and runaway
 * scripts, not secrets. Sign-in throttling decides the other way (LoginThrottle fails closed).
 */
@Injectable()
export class WriteRateLimitGuard implements CanActivate, OnModuleDestroy {
  private readonly logger = new Logger('WriteRateLimit');
  private readonly redis: Redis | null = null;
  private readonly limiter: RateLimiterRedis | null = null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { points, windowSeconds } = config.http.writeRateLimit;
    if (points === 0) return;
    this.redis = new Redis({ ...redisOptionsFromUrl(config.redis.url), enableOfflineQueue: false });
    this.redis.on('error', () => undefined); // the insurance limiter takes over; /ready reports Redis
    this.limiter = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${config.redis.queuePrefix}:writes`,
      points,
      duration: windowSeconds,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: 'writes-local', points, duration: windowSeconds }),
    });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const caller = this.limiter && WRITE_METHODS.has(request.method) ? callerOf(request) : null;
    if (caller && this.limiter) {
      try {
        await this.limiter.consume(caller.userId, 1);
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
        const seconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        this.logger.warn({ msg: 'write rate limit reached', userId: caller.userId, retryAfterSeconds: seconds });
        throw new DomainError(
          'too_many_requests',
          `Too many changes in a short time. Try again in ${seconds} seconds.`,
          {
            headers: { 'retry-after': String(seconds) },
            extensions: { rule: 'write_rate_limit' },
          },
        );
      }
    }
    return true;
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }
}
