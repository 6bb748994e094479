import type { RedisOptions } from 'ioredis';

/** Turns REDIS_URL into ioredis options; BullMQ workers need `maxRetriesPerRequest: null`. */
export function redisOptionsFromUrl(url: string, forWorker = false): RedisOptions {
  const u = new URL(url);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: Number.isFinite(db) ? db : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: forWorker ? null : 3,
    enableOfflineQueue: forWorker,
    lazyConnect: false,
  };
}
