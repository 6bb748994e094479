import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { redisOptionsFromUrl } from '@mesecvi/jobs';
import { emailDigest } from './email-digest';

/**
 * Limits password reset mails per target address (nobody's inbox is flooded) and per client
 * (nobody sprays the accounts), in Redis so every api instance counts the same requests. The
 * caller answers the same 202 either way: a limited request only sends nothing. While Redis is
 * down each process counts on its own (rate-limiter-flexible's insurance limiter), so a mail can
 * still be asked for, and never without a limit.
 */
@Injectable()
export class PasswordResetThrottle implements OnModuleDestroy {
  private readonly security = new Logger('security');
  private readonly redis: Redis;
  private readonly perEmail: RateLimiterRedis;
  private readonly perClient: RateLimiterRedis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis({ ...redisOptionsFromUrl(config.redis.url), enableOfflineQueue: false });
    this.redis.on('error', () => undefined); // the insurance limiters take over; /ready reports Redis
    const { perEmail, perClient, windowSeconds } = config.auth.passwordResetLimit;
    const prefix = `${config.redis.queuePrefix}:reset`;
    const limiter = (name: string, points: number): RateLimiterRedis =>
      new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix: `${prefix}:${name}`,
        points,
        duration: windowSeconds,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `reset-local-${name}`, points, duration: windowSeconds }),
      });
    this.perEmail = limiter('email', perEmail);
    this.perClient = limiter('client', perClient);
  }

  /** Counts the request; false when the address or the client is over its limit (a security log line). */
  async allow(email: string, client: string, requestId: string): Promise<boolean> {
    try {
      await this.perClient.consume(client, 1);
    } catch (e) {
      return this.refused(e, 'password_reset_client_limit', { requestId, client });
    }
    try {
      await this.perEmail.consume(emailDigest(email), 1);
    } catch (e) {
      return this.refused(e, 'password_reset_address_limit', { requestId, client, account: emailDigest(email) });
    }
    return true;
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  private refused(e: unknown, rule: string, fields: Record<string, string>): false {
    if (!(e instanceof RateLimiterRes)) throw e;
    this.security.warn({ msg: 'password reset request limited: no mail sent', rule, ...fields });
    return false;
  }
}
