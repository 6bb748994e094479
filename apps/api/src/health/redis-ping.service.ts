import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { redisOptionsFromUrl } from '@mesecvi/jobs';

/**
 * A dedicated connection for readiness: no offline queue, so a PING while Redis is down fails
 * at once instead of waiting for a reconnect; ioredis keeps reconnecting in the background.
 */
@Injectable()
export class RedisPing implements OnModuleDestroy {
  private readonly client: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = new Redis({
      ...redisOptionsFromUrl(config.redis.url),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      retryStrategy: () => 500,
    });
    this.client.on('error', () => undefined); // reported through /ready, not as log noise
  }

  async ping(timeoutMs = 1000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('redis ping timed out')), timeoutMs);
    });
    try {
      const answer = await Promise.race([this.client.ping(), timeout]);
      if (answer !== 'PONG') throw new Error(`unexpected answer ${answer}`);
    } finally {
      clearTimeout(timer);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.client.disconnect();
  }
}
