import type { AppMode, EnvVars, LogLevel } from './config.schema';

/** The typed configuration every module receives; built once at start-up from the environment. */
export interface AppConfig {
  mode: AppMode;
  http: { host: string; port: number; publicBaseUrl: string; bodyLimitBytes: number; corsOrigins: string[] };
  database: { url: string; poolSize: number; migrationsRun: boolean };
  redis: { url: string; queuePrefix: string };
  mail: { smtpUrl: string; from: string };
  log: { level: LogLevel };
  mechanism: { timeZone: string };
  shutdownTimeoutMs: number;
  worker: { concurrency: number; heartbeatEveryMs: number };
  /** Only in test and demo modes may time be moved (DESIGN §2 "Time"). */
  clockMovable: boolean;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export function toAppConfig(env: EnvVars): AppConfig {
  return {
    mode: env.APP_MODE,
    http: {
      host: env.HOST,
      port: env.PORT,
      publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/+$/, ''),
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      corsOrigins: env.CORS_ORIGINS.split(',').map((o) => o.trim()).filter((o) => o.length > 0),
    },
    database: { url: env.DATABASE_URL, poolSize: env.DB_POOL_SIZE, migrationsRun: env.MIGRATIONS_RUN },
    redis: { url: env.REDIS_URL, queuePrefix: env.QUEUE_PREFIX },
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    log: { level: env.LOG_LEVEL },
    mechanism: { timeZone: env.MECHANISM_TIME_ZONE },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    worker: { concurrency: env.WORKER_CONCURRENCY, heartbeatEveryMs: env.HEARTBEAT_EVERY_MS },
    clockMovable: env.APP_MODE === 'test' || env.APP_MODE === 'demo',
  };
}
