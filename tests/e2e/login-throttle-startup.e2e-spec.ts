import Redis from 'ioredis';
import net from 'node:net';
import { LoginThrottle } from '@mesecvi/accounts';
import { DomainError } from '@mesecvi/errors';
import { redisReady } from '@mesecvi/jobs';
import { testConfig } from '../harness/test-config';

/**
 * Sign-in right after start-up (a restored database's first login failed so): the throttle's
 * Redis client has no offline queue, so until it is connected every count fails and sign-in
 * answers 503. Start-up now waits for the connection, within a bound, against the real Redis.
 */
/** A local port nothing listens on (taken from the OS, then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('login throttle at start-up', () => {
  const config = testConfig('postgres://unused.invalid/none');
  const withoutWaiting = async (throttle: LoginThrottle): Promise<unknown> =>
    throttle.admitAttempt('someone@example.test', '127.0.0.1').catch((e: unknown) => e);

  it('counts sign-ins from the first request once start-up has waited for Redis', async () => {
    const early = new LoginThrottle(config);
    const ready = new LoginThrottle(config);
    try {
      // What a sign-in met in the first moment: the connection still being made, refused with 503.
      const refused = await withoutWaiting(early);
      expect(refused).toBeInstanceOf(DomainError);
      expect((refused as DomainError).code).toBe('service_unavailable');

      await ready.onModuleInit(); // Nest runs it before the api listens
      await expect(ready.admitAttempt('someone@example.test', '127.0.0.1')).resolves.toBeUndefined();
    } finally {
      early.onModuleDestroy();
      ready.onModuleDestroy();
    }
  });

  it('does not hold start-up when Redis does not answer: it gives up after the bound, without throwing', async () => {
    const port = await closedPort();
    const client = new Redis({
      host: '127.0.0.1',
      port,
      enableOfflineQueue: false,
      lazyConnect: false,
      retryStrategy: () => 50,
    });
    client.on('error', () => undefined);
    try {
      // ioredis adds 'ready' listeners of its own while it reconnects, so the wait's own listener
      // is followed by identity rather than by counting.
      const added: Array<() => void> = [];
      const watched = {
        get status() {
          return client.status;
        },
        once: (event: 'ready', listener: () => void) => (added.push(listener), client.once(event, listener)),
        off: (event: 'ready', listener: () => void) => client.off(event, listener),
      };
      const started = Date.now();
      await expect(redisReady(watched, 300)).resolves.toBe(false);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(added).toHaveLength(1);
      expect(client.listeners('ready')).not.toContain(added[0]); // its wait leaves nothing behind
    } finally {
      client.disconnect();
    }
  });
});
