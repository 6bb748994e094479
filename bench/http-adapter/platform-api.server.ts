// The real platform api, built by createApiApp exactly as production builds it (helmet, request
// ids, metrics, pino, the global guard and filter), on the bench's own PostgreSQL and Redis.
// The parent has migrated DATABASE_URL already.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@mesecvi/config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { serveUntilStopped } from '../harness/server-process';

async function main(): Promise<void> {
  const config = loadConfig({
    APP_MODE: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL: process.env.REDIS_URL,
    // The api never sends mail itself (the worker does); the URL only has to be valid.
    SMTP_URL: 'smtp://127.0.0.1:1',
    // No token is issued here; a throw-away key only satisfies validation.
    JWT_SECRET: randomBytes(32).toString('hex'),
    MIGRATIONS_RUN: 'false',
    QUEUE_PREFIX: 'bench',
    // One signed-in user drives the load: the per-user write limit would measure itself, not the api.
    WRITE_RATE_LIMIT_POINTS: '0',
    HOST: '127.0.0.1',
    PORT: '0',
  });
  const { app } = await createApiApp(config);
  await app.listen({ host: config.http.host, port: config.http.port });
  const { port } = app.getHttpServer().address() as AddressInfo;
  serveUntilStopped(port, () => app.close());
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
