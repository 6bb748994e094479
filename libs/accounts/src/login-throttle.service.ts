import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { DomainError, UNAVAILABLE_RETRY_AFTER_SECONDS } from '@mesecvi/errors';
import { redisOptionsFromUrl, redisReady } from '@mesecvi/jobs';

/** How long start-up waits for the counters' Redis connection before serving without it. */
const CONNECT_WAIT_MS = 3000;

/**
 * Throttles failed logins in Redis, so every api instance counts the same attempts: per
 * e-mail+address (guessing one account) and, ten times looser, per address (spraying many).
 */
@Injectable()
export class LoginThrottle implements OnModuleInit, OnModuleDestroy {
  private readonly redis: Redis;
  private readonly perAccount: RateLimiterRedis;
  private readonly perAddress: RateLimiterRedis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis({ ...redisOptionsFromUrl(config.redis.url), enableOfflineQueue: false });
    this.redis.on('error', () => undefined); // surfaced as 503 by the calls below and by /ready
    const { loginMaxAttempts, loginWindowSeconds } = config.auth;
    const prefix = `${config.redis.queuePrefix}:login`;
    this.perAccount = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${prefix}:acct`,
      points: loginMaxAttempts,
      duration: loginWindowSeconds,
    });
    this.perAddress = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${prefix}:addr`,
      points: loginMaxAttempts * 10,
      duration: loginWindowSeconds,
    });
  }

  /**
   * Before the api listens: without an offline queue, a sign-in in the first milliseconds after
   * start-up would otherwise meet a connection still being made and be refused with 503.
   */
  async onModuleInit(): Promise<void> {
    await redisReady(this.redis, CONNECT_WAIT_MS);
  }

  /** Refuses with 429 and Retry-After while either counter is exhausted. */
  async assertAllowed(email: string, address: string): Promise<void> {
    const [account, addr] = await Promise.all([
      this.perAccount.get(`${email}|${address}`),
      this.perAddress.get(address),
    ]).catch(unavailable);
    const blocked = [
      account && account.consumedPoints >= this.perAccount.points ? account : null,
      addr && addr.consumedPoints >= this.perAddress.points ? addr : null,
    ].filter((r): r is RateLimiterRes => r !== null);
    if (blocked.length > 0) throw tooMany(Math.max(...blocked.map((r) => r.msBeforeNext)));
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([this.perAccount.penalty(`${email}|${address}`, 1), this.perAddress.penalty(address, 1)]).catch(
      unavailable,
    );
  }

  async recordSuccess(email: string, address: string): Promise<void> {
    await this.perAccount.delete(`${email}|${address}`).catch(unavailable);
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}

function tooMany(ms: number): DomainError {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return new DomainError('too_many_requests', `Too many failed sign-in attempts. Try again in ${seconds} seconds.`, {
    headers: { 'retry-after': String(seconds) },
  });
}

function unavailable(e: unknown): never {
  if (e instanceof DomainError) throw e;
  // Without the shared counter we cannot throttle: refuse rather than allow unlimited guessing
  // (fails closed). Sessions already open keep working: tokens are checked without Redis.
  throw new DomainError('service_unavailable', 'Sign-in is temporarily unavailable.', {
    headers: { 'retry-after': String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
  });
}
