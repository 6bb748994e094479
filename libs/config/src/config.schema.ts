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
  MAIL_RETRY_BASE_MS: number;
  MAIL_MAX_ATTEMPTS: number;
  MAIL_LEASE_MS: number;
  OUTBOX_SWEEP_EVERY_MS: number;
  REMINDER_SWEEP_EVERY_MS: number;
  REMINDER_LEASE_MS: number;
  DIGEST_ENABLED: boolean;
  DIGEST_WEEKDAY: number;
  DIGEST_HOUR: number;
  DIGEST_CHECK_EVERY_MS: number;
  BODY_LIMIT_BYTES: number;
  LOG_LEVEL: LogLevel;
  CORS_ORIGINS: string;
  WEB_DIST_DIR: string;
  TRUSTED_PROXIES: string;
  MECHANISM_TIME_ZONE: string;
  SECRETARIAT_CONTACT_EMAIL: string;
  RAPPORTEURS_PER_STATE: number;
  REPORT_SYMBOL_PATTERN: string;
  RECOMMENDATION_RATING_SCALE: string;
  SHUTDOWN_TIMEOUT_MS: number;
  WORKER_CONCURRENCY: number;
  HEARTBEAT_EVERY_MS: number;
  AUDIT_SEAL_EVERY_MS: number;
  JWT_SECRET: string;
  ACCESS_TOKEN_TTL_SECONDS: number;
  REFRESH_TOKEN_TTL_DAYS: number;
  SESSION_REFRESH_GRACE_SECONDS: number;
  INVITATION_TTL_HOURS: number;
  PASSWORD_RESET_TTL_MINUTES: number;
  PASSWORD_RESET_MAX_PER_EMAIL: number;
  PASSWORD_RESET_MAX_PER_CLIENT: number;
  PASSWORD_RESET_WINDOW_SECONDS: number;
  LOGIN_MAX_ATTEMPTS: number;
  LOGIN_WINDOW_SECONDS: number;
  AUTH_CALLER_CACHE_SECONDS: number;
  WRITE_RATE_LIMIT_POINTS: number;
  WRITE_RATE_LIMIT_WINDOW_SECONDS: number;
  CLIENT_ERRORS_RATE_LIMIT_POINTS: number;
  CLIENT_ERRORS_RATE_LIMIT_WINDOW_SECONDS: number;
  ATTACHMENT_MAX_BYTES: number;
  ATTACHMENT_MAX_CONCURRENT_UPLOADS: number;
  ANSWERS_MAX_BYTES: number;
  ANSWERS_MAX_DEPTH: number;
  ANSWERS_MAX_ARRAY_ITEMS: number;
}

/** Variables whose values must never appear in logs. */
export const SECRET_VARS: ReadonlyArray<keyof EnvVars> = ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'JWT_SECRET'];

const url = (schemes: string): { type: 'string'; pattern: string } => ({
  type: 'string',
  pattern: `^(${schemes})://[^\\s]+$`,
});

export const envSchema: JSONSchemaType<EnvVars> = {
  type: 'object',
  additionalProperties: true,
  required: ['DATABASE_URL', 'REDIS_URL', 'SMTP_URL', 'JWT_SECRET'],
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
    MAIL_RETRY_BASE_MS: { type: 'integer', minimum: 10, maximum: 3600000, default: 30000 },
    MAIL_MAX_ATTEMPTS: { type: 'integer', minimum: 1, maximum: 100, default: 6 },
    MAIL_LEASE_MS: { type: 'integer', minimum: 1000, maximum: 3600000, default: 120000 },
    OUTBOX_SWEEP_EVERY_MS: { type: 'integer', minimum: 100, maximum: 3600000, default: 5000 },
    REMINDER_SWEEP_EVERY_MS: { type: 'integer', minimum: 100, maximum: 3600000, default: 60000 },
    REMINDER_LEASE_MS: { type: 'integer', minimum: 500, maximum: 3600000, default: 120000 },
    // ISO weekday: 1 = Monday … 7 = Sunday; the hour is in MECHANISM_TIME_ZONE.
    DIGEST_ENABLED: { type: 'boolean', default: true },
    DIGEST_WEEKDAY: { type: 'integer', minimum: 1, maximum: 7, default: 1 },
    DIGEST_HOUR: { type: 'integer', minimum: 0, maximum: 23, default: 8 },
    DIGEST_CHECK_EVERY_MS: { type: 'integer', minimum: 100, maximum: 3600000, default: 300000 },
    BODY_LIMIT_BYTES: { type: 'integer', minimum: 1024, maximum: 104857600, default: 1048576 },
    LOG_LEVEL: {
      type: 'string',
      enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      default: 'info',
    },
    CORS_ORIGINS: { type: 'string', default: '' },
    // The built web application (`npm run build:web`), relative to the working directory.
    WEB_DIST_DIR: { type: 'string', minLength: 1, default: 'dist/web' },
    // Empty: no proxy is trusted; a hop count (1–10); or IP addresses / CIDR ranges, comma-separated.
    TRUSTED_PROXIES: { type: 'string', maxLength: 2000, default: '' },
    MECHANISM_TIME_ZONE: { type: 'string', minLength: 1, default: 'America/New_York' },
    // A bare address (no display name): it is shown as written on every page of the web app.
    SECRETARIAT_CONTACT_EMAIL: {
      type: 'string',
      pattern: '^[^\\s@<>"]+@[^\\s@<>"]+\\.[^\\s@<>"]+$',
      default: 'mesecvi@oas.org',
    },
    RAPPORTEURS_PER_STATE: { type: 'integer', minimum: 1, maximum: 5, default: 2 },
    // {n}: the year's sequence number; {yy} / {yyyy}: the adoption year.
    REPORT_SYMBOL_PATTERN: {
      type: 'string',
      minLength: 3,
      maxLength: 120,
      pattern: '\\{n\\}',
      default: 'MESECVI/CEVI/doc.{n}/{yy}',
    },
    RECOMMENDATION_RATING_SCALE: {
      type: 'string',
      maxLength: 600,
      pattern: '^[a-z][a-z0-9_]{0,31}(:closes)?(,[a-z][a-z0-9_]{0,31}(:closes)?)*$',
      default: 'complied:closes,partially_complied,not_complied,no_information',
    },
    SHUTDOWN_TIMEOUT_MS: { type: 'integer', minimum: 0, maximum: 600000, default: 10000 },
    WORKER_CONCURRENCY: { type: 'integer', minimum: 1, maximum: 64, default: 4 },
    HEARTBEAT_EVERY_MS: { type: 'integer', minimum: 1000, maximum: 3600000, default: 60000 },
    AUDIT_SEAL_EVERY_MS: { type: 'integer', minimum: 100, maximum: 3600000, default: 2000 },
    JWT_SECRET: { type: 'string', minLength: 32 },
    ACCESS_TOKEN_TTL_SECONDS: { type: 'integer', minimum: 30, maximum: 86400, default: 900 },
    REFRESH_TOKEN_TTL_DAYS: { type: 'integer', minimum: 1, maximum: 365, default: 30 },
    // A browser session's refresh token presented again this soon after its rotation gets the same new pair.
    SESSION_REFRESH_GRACE_SECONDS: { type: 'integer', minimum: 0, maximum: 60, default: 10 },
    INVITATION_TTL_HOURS: { type: 'integer', minimum: 1, maximum: 2160, default: 168 },
    PASSWORD_RESET_TTL_MINUTES: { type: 'integer', minimum: 5, maximum: 10080, default: 60 },
    // Reset requests per target address and per client within the window; beyond, no mail (same 202).
    PASSWORD_RESET_MAX_PER_EMAIL: { type: 'integer', minimum: 1, maximum: 1000, default: 3 },
    PASSWORD_RESET_MAX_PER_CLIENT: { type: 'integer', minimum: 1, maximum: 100000, default: 20 },
    PASSWORD_RESET_WINDOW_SECONDS: { type: 'integer', minimum: 1, maximum: 86400, default: 3600 },
    LOGIN_MAX_ATTEMPTS: { type: 'integer', minimum: 1, maximum: 1000, default: 5 },
    LOGIN_WINDOW_SECONDS: { type: 'integer', minimum: 1, maximum: 86400, default: 900 },
    AUTH_CALLER_CACHE_SECONDS: { type: 'integer', minimum: 0, maximum: 3600, default: 30 },
    // Writes (POST/PUT/PATCH/DELETE) per signed-in user and window, counted in Redis across instances; 0 = off.
    WRITE_RATE_LIMIT_POINTS: { type: 'integer', minimum: 0, maximum: 1000000, default: 600 },
    WRITE_RATE_LIMIT_WINDOW_SECONDS: { type: 'integer', minimum: 1, maximum: 86400, default: 60 },
    // Client-side error reports (POST /client-errors) per client address and window, across instances.
    CLIENT_ERRORS_RATE_LIMIT_POINTS: { type: 'integer', minimum: 1, maximum: 100000, default: 30 },
    CLIENT_ERRORS_RATE_LIMIT_WINDOW_SECONDS: { type: 'integer', minimum: 1, maximum: 86400, default: 60 },
    ATTACHMENT_MAX_BYTES: { type: 'integer', minimum: 1024, maximum: 1073741824, default: 26214400 },
    // Evidence uploads one user may have in flight on one api instance; beyond, 429.
    ATTACHMENT_MAX_CONCURRENT_UPLOADS: { type: 'integer', minimum: 1, maximum: 100, default: 3 },
    ANSWERS_MAX_BYTES: { type: 'integer', minimum: 1024, maximum: 104857600, default: 524288 },
    ANSWERS_MAX_DEPTH: { type: 'integer', minimum: 4, maximum: 64, default: 12 },
    ANSWERS_MAX_ARRAY_ITEMS: { type: 'integer', minimum: 10, maximum: 100000, default: 1000 },
  },
};
