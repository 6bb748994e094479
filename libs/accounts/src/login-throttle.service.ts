import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { DomainError, UNAVAILABLE_RETRY_AFTER_SECONDS } from '@mesecvi/errors';
import { redisOptionsFromUrl, redisReady } from '@mesecvi/jobs';
import { loginDelaySeconds } from './login-delay';
import { emailDigest } from './email-digest';

/** How long start-up waits for the counters' Redis connection before serving without it. */
const CONNECT_WAIT_MS = 3000;

/** The per-address limit counts distinct accounts, this many times the per-account allowance. */
const ADDRESS_FACTOR = 10;

/**
 * Throttles failed sign-ins in Redis, so every api instance counts the same attempts.
 *
 * Per account, whatever the address (which a client may choose): after LOGIN_MAX_ATTEMPTS
 * failures within the window each attempt must wait a delay that doubles with every further
 * failure, up to a minute. A delay rather than a lock: whoever fails on someone else's account
 * can only make its owner wait moments, never shut her out for the window.
 *
 * Per address: the number of distinct accounts that failed from it (spraying many accounts),
 * ten times the per-account allowance, so the people behind one ministry's NAT mistyping their
 * own passwords never add up to a block.
 */
@Injectable()
export class LoginThrottle implements OnModuleInit, OnModuleDestroy {
  private readonly security = new Logger('security');
  private readonly redis: Redis;
  private readonly failures: RateLimiterRedis;
  private readonly waits: RateLimiterRedis;
  private readonly addressPrefix: string;
  private readonly freeAttempts: number;
  private readonly addressLimit: number;
  private readonly windowMs: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis({ ...redisOptionsFromUrl(config.redis.url), enableOfflineQueue: false });
    this.redis.on('error', () => undefined); // surfaced as 503 by the calls below and by /ready
    const { loginMaxAttempts, loginWindowSeconds } = config.auth;
    const prefix = `${config.redis.queuePrefix}:login`;
    this.freeAttempts = loginMaxAttempts;
    this.addressLimit = loginMaxAttempts * ADDRESS_FACTOR;
    this.windowMs = loginWindowSeconds * 1000;
    this.addressPrefix = `${prefix}:addr-accounts:`;
    // Only counts attempts: the delay is decided here, from the count, and kept by `waits`.
    this.failures = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${prefix}:acct-failures`,
      points: 1_000_000,
      duration: loginWindowSeconds,
    });
    this.waits = new RateLimiterRedis({
      storeClient: this.redis,
      keyPrefix: `${prefix}:acct-wait`,
      points: 1,
      duration: 1,
    });
  }

  /**
   * Before the api listens: without an offline queue, a sign-in in the first milliseconds after
   * start-up would otherwise meet a connection still being made and be refused with 503.
   */
  async onModuleInit(): Promise<void> {
    await redisReady(this.redis, CONNECT_WAIT_MS);
  }

  /**
   * Counts a sign-in attempt before its password is checked, so parallel attempts cannot all slip
   * through before the first failure is recorded. Refuses with 429 and Retry-After while the
   * address sprayed too many accounts, or while the account's delay runs: past the free attempts
   * one attempt per delay passes, and opens the next, longer one. A refused attempt is not counted.
   */
  async admitAttempt(email: string, address: string): Promise<void> {
    const key = this.addressKey(address);
    const [accounts, ttl] = await Promise.all([this.redis.scard(key), this.redis.pttl(key)]).catch(unavailable);
    if (accounts >= this.addressLimit) {
      this.security.warn({ msg: 'sign-in refused: address throttled', address, accounts });
      throw tooMany('login_address_throttle', ttl, 'Too many failed sign-ins from this address.');
    }
    const attempt = (await this.failures.penalty(email, 1).catch(unavailable)).consumedPoints;
    const seconds = loginDelaySeconds(attempt, this.freeAttempts);
    if (seconds === 0) return;
    try {
      // One attempt per window: the first to arrive opens it, the others wait for it to end.
      await this.waits.consume(email, 1, { customDuration: seconds });
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) unavailable(e);
      await this.failures.reward(email, 1).catch(unavailable);
      this.security.warn({ msg: 'sign-in refused: account delayed', address, account: emailDigest(email) });
      throw tooMany('login_throttle', e.msBeforeNext, 'Too many failed sign-ins for this account.');
    }
  }

  /** The attempt was counted on admission; the address remembers the account that failed from it. */
  async recordFailure(email: string, address: string): Promise<void> {
    const key = this.addressKey(address);
    await this.redis.multi().sadd(key, emailDigest(email)).pexpire(key, this.windowMs).exec().catch(unavailable);
  }

  async recordSuccess(email: string): Promise<void> {
    await Promise.all([this.failures.delete(email), this.waits.delete(email)]).catch(unavailable);
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  private addressKey(address: string): string {
    return `${this.addressPrefix}${address}`;
  }
}

function tooMany(rule: string, ms: number, reason: string): DomainError {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return new DomainError('too_many_requests', `${reason} Try again in ${seconds} seconds.`, {
    headers: { 'retry-after': String(seconds) },
    extensions: { rule },
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
