import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppConfig } from '@mesecvi/config';
import { DomainError } from '@mesecvi/errors';
import { redisOptionsFromUrl } from '@mesecvi/jobs';

export interface RateLimitSetting {
  points: number;
  windowSeconds: number;
}

/**
 * `points` per key and window, counted in Redis so every api instance shares one budget. While
 * Redis is down it falls back to a per-process counter (rate-limiter-flexible's insurance limiter)
 * instead of refusing: these limits are about abuse and runaway scripts, not secrets. Sign-in
 * throttling decides the other way (LoginThrottle fails closed).
 */
export class SharedRateLimit {
  private readonly redis: Redis;
  private readonly limiter: RateLimiterRedis;

  constructor(config: AppConfig, name: string, { points, windowSeconds }: RateLimitSetting) {
    this.redis = new Redis({ ...redisOptionsFromUrl(config.redis.url), enableOfflineQueue: false });
    this.redis.on('error', () => undefined); // the insurance limiter takes over; /ready reports Redis
    this.limiter = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${config.redis.queuePrefix}:${name}`,
      points,
      duration: windowSeconds,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${name}-local`, points, duration: windowSeconds }),
    });
  }

  /** Counts one for `key`: null while within the limit, else the seconds to wait (at least 1). */
  async consume(key: string): Promise<number | null> {
    try {
      await this.limiter.consume(key, 1);
      return null;
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      return Math.max(1, Math.ceil(e.msBeforeNext / 1000));
    }
  }

  close(): void {
    this.redis.disconnect();
  }
}

/** 429 problem+json with Retry-After, naming the limit (`rule`). */
export function rateLimited(seconds: number, rule: string, reason: string): DomainError {
  return new DomainError('too_many_requests', `${reason} Try again in ${seconds} seconds.`, {
    headers: { 'retry-after': String(seconds) },
    extensions: { rule },
  });
}
