import type { JSONSchemaType } from 'ajv';

export type AppMode = 'production' | 'development' | 'demo' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Every environment variable the platform reads. `.env.example` documents each of them. */
export interface EnvVars {
  APP_MODE: AppMode;
  HOST: string;
  PORT: number;
  PUBLIC_BASE_URL: string;
  DATABASE_URL: string;
  DB_POOL_SIZE: number;
  MIGRATIONS_RUN: boolean;
  REDIS_URL: string;
  QUEUE_PREFIX: string;
  SMTP_URL: string;
  MAIL_FROM: string;
  BODY_LIMIT_BYTES: number;
  LOG_LEVEL: LogLevel;
  CORS_ORIGINS: string;
  MECHANISM_TIME_ZONE: string;
  SHUTDOWN_TIMEOUT_MS: number;
  WORKER_CONCURRENCY: number;
  HEARTBEAT_EVERY_MS: number;
}

/** Variables whose values must never appear in logs. */
export const SECRET_VARS: ReadonlyArray<keyof EnvVars> = ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL'];

const url = (schemes: string): { type: 'string'; pattern: string } => ({
  type: 'string',
  pattern: `^(${schemes})://[^\\s]+$`,
});

export const envSchema: JSONSchemaType<EnvVars> = {
  type: 'object',
  additionalProperties: true,
  required: ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL'],
  properties: {
    APP_MODE: { type: 'string', enum: ['production', 'development', 'demo', 'test'], default: 'production' },
    HOST: { type: 'string', minLength: 1, default: '0.0.0.0' },
    PORT: { type: 'integer', minimum: 0, maximum: 65535, default: 3000 },
    PUBLIC_BASE_URL: { ...url('https?'), default: 'http://localhost:3000' },
    DATABASE_URL: url('postgres|postgresql'),
    DB_POOL_SIZE: { type: 'integer', minimum: 1, maximum: 200, default: 10 },
    MIGRATIONS_RUN: { type: 'boolean', default: true },
    REDIS_URL: url('redis|rediss'),
    QUEUE_PREFIX: { type: 'string', pattern: '^[a-z0-9_-]{1,40}$', default: 'mesecvi' },
    SMTP_URL: url('smtp|smtps'),
    MAIL_FROM: { type: 'string', minLength: 3, default: 'MESECVI Follow-up Platform <no-reply@mesecvi.localhost>' },
    BODY_LIMIT_BYTES: { type: 'integer', minimum: 1024, maximum: 104857600, default: 1048576 },
    LOG_LEVEL: { type: 'string', enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'info' },
    CORS_ORIGINS: { type: 'string', default: '' },
    MECHANISM_TIME_ZONE: { type: 'string', minLength: 1, default: 'America/New_York' },
    SHUTDOWN_TIMEOUT_MS: { type: 'integer', minimum: 0, maximum: 600000, default: 10000 },
    WORKER_CONCURRENCY: { type: 'integer', minimum: 1, maximum: 64, default: 4 },
    HEARTBEAT_EVERY_MS: { type: 'integer', minimum: 1000, maximum: 3600000, default: 60000 },
  },
};
