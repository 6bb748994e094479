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

/**
 * Resolves once `client` is connected, or after `timeoutMs` whatever its state (never rejects).
 * For clients without an offline queue (enableOfflineQueue: false): until connected, each command
 * fails at once, so a service that must not answer "unavailable" just because it started a moment
 * ago waits here at start-up. Bounded, so a Redis outage cannot hold the start-up.
 */
export async function redisReady(
  client: {
    status: string;
    once(event: 'ready', listener: () => void): unknown;
    off(event: 'ready', listener: () => void): unknown;
  },
  timeoutMs: number,
): Promise<boolean> {
  if (client.status === 'ready') return true;
  let timer: NodeJS.Timeout | undefined;
  let onReady: (() => void) | undefined;
  const ready = await Promise.race([
    new Promise<boolean>((resolve) => client.once('ready', (onReady = () => resolve(true)))),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (onReady) client.off('ready', onReady);
  return ready;
}
