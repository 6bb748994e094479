import { randomBytes } from 'node:crypto';
import { loadConfig, type AppConfig } from '@mesecvi/config';
import { testEnv } from './test-env';

/**
 * Configuration for a suite: its own database and queue prefix, the shared Redis and SMTP sink,
 * migrations off (the template is already migrated). `overrides` are raw environment values.
 */
export function testConfig(databaseUrl: string, overrides: Record<string, string> = {}): AppConfig {
  const env = testEnv();
  return loadConfig({
    APP_MODE: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: env.redisUrl,
    SMTP_URL: env.smtpUrl,
    JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    QUEUE_PREFIX: `t${randomBytes(5).toString('hex')}`,
    MIGRATIONS_RUN: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    DB_POOL_SIZE: '5',
    PUBLIC_BASE_URL: 'http://localhost:3000',
    // Off unless a suite tests it: a digest would add a mail to every suite's secretariat inbox.
    DIGEST_ENABLED: 'false',
    // Generous: suites write fast as one user; the rate-limit suite sets a low one.
    WRITE_RATE_LIMIT_POINTS: '100000',
    ...overrides,
  });
}
