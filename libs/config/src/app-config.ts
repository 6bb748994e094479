import path from 'node:path';
import type { AppMode, EnvVars, LogLevel } from './config.schema';
import { parseTrustedProxies, type TrustedProxies } from './trusted-proxies';

/** The typed configuration every module receives; built once at start-up from the environment. */
export interface AppConfig {
  mode: AppMode;
  http: {
    host: string;
    port: number;
    publicBaseUrl: string;
    bodyLimitBytes: number;
    corsOrigins: string[];
    /** The built web application the api serves on the app's paths (absolute). */
    webDistDir: string;
    /** Peers whose X-Forwarded-For is believed; by default none (the TCP peer is the client). */
    trustedProxies: TrustedProxies;
    /** Writes per signed-in user per window, shared through Redis; `points` 0 = no limit. */
    writeRateLimit: { points: number; windowSeconds: number };
    /** Client-side error reports per client address per window, shared through Redis. */
    clientErrorsRateLimit: { points: number; windowSeconds: number };
  };
  database: { url: string; poolSize: number; migrationsRun: boolean };
  redis: { url: string; queuePrefix: string };
  mail: {
    smtpUrl: string;
    from: string;
    /** First retry delay; it doubles with each failed attempt (with jitter, capped). */
    retryBaseMs: number;
    /** After this many failed attempts a mail is marked `failed`. */
    maxAttempts: number;
    /** How long a claimed mail belongs to one worker before a crash is assumed and it is claimed again. */
    leaseMs: number;
    sweepEveryMs: number;
  };
  /** The reminder sweep: how often it ticks, and how long a claimed reminder belongs to one sweep. */
  reminders: { sweepEveryMs: number; leaseMs: number };
  /** The secretariat's weekly digest: ISO weekday (1 = Monday) and hour in the mechanism's time zone, and how often the worker checks. */
  digest: { enabled: boolean; weekday: number; hour: number; checkEveryMs: number };
  log: { level: LogLevel };
  /** `secretariatContact`: the address the web app gives people who need help (a person reads it). */
  mechanism: { timeZone: string; secretariatContact: string };
  /** Committee review and country reports: rapporteurs per state (auto-assign), document symbol pattern of adopted reports. */
  reports: { rapporteursPerState: number; symbolPattern: string };
  /** Follow-up: the committee's rating scale, in order; `closes` = a rating with this value closes the recommendation. */
  recommendations: { ratingScale: RatingScaleEntry[] };
  shutdownTimeoutMs: number;
  /** `auditSealEveryMs`: how often the worker seals new audit rows into the hash chain. */
  worker: { concurrency: number; heartbeatEveryMs: number; auditSealEveryMs: number };
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    /** How long after its rotation a browser session's refresh token still answers the same new pair. */
    sessionRefreshGraceSeconds: number;
    invitationTtlHours: number;
    passwordResetTtlMinutes: number;
    /** Reset requests per target address and per client, within the window, shared through Redis. */
    passwordResetLimit: { perEmail: number; perClient: number; windowSeconds: number };
    loginMaxAttempts: number;
    loginWindowSeconds: number;
    /**
     * How long a signed-in caller (account, role, state, language, session) may be served from
     * memory instead of PostgreSQL; changes are announced and forgotten at once (CallerCache).
     * 0 reads PostgreSQL on every request.
     */
    callerCacheSeconds: number;
    /** argon2id cost: OWASP's minimum in production, cheap in tests only. */
    argon2: { memoryCost: number; timeCost: number; parallelism: number };
  };
  /**
   * State submissions: the largest evidence file, and the limits an answers document must respect
   * before it is validated at all (size in bytes of its JSON, nesting depth, entries per array).
   */
  submissions: {
    attachmentMaxBytes: number;
    /** Uploads one user may have in flight on one api instance (their bodies are held in memory). */
    attachmentMaxConcurrentUploads: number;
    answersMaxBytes: number;
    answersMaxDepth: number;
    answersMaxArrayItems: number;
  };
  /** Only in test and demo modes may time be moved. */
  clockMovable: boolean;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export interface RatingScaleEntry {
  value: string;
  closes: boolean;
}

/** `complied:closes,partially_complied,…` (already pattern-checked) → entries in order. */
export function parseRatingScale(text: string): RatingScaleEntry[] {
  return text.split(',').map((part) => {
    const [value, flag] = part.split(':');
    return { value, closes: flag === 'closes' };
  });
}

/** Already checked by loadConfig; a bad value here is a programming error. */
function trustedProxiesOf(text: string): TrustedProxies {
  const parsed = parseTrustedProxies(text);
  if ('invalid' in parsed) throw new Error(`TRUSTED_PROXIES ${parsed.invalid}`);
  return parsed;
}

export function toAppConfig(env: EnvVars): AppConfig {
  return {
    mode: env.APP_MODE,
    http: {
      host: env.HOST,
      port: env.PORT,
      publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/+$/, ''),
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      corsOrigins: env.CORS_ORIGINS.split(',')
        .map((o) => o.trim())
        .filter((o) => o.length > 0),
      trustedProxies: trustedProxiesOf(env.TRUSTED_PROXIES),
      webDistDir: path.resolve(env.WEB_DIST_DIR),
      writeRateLimit: { points: env.WRITE_RATE_LIMIT_POINTS, windowSeconds: env.WRITE_RATE_LIMIT_WINDOW_SECONDS },
      clientErrorsRateLimit: {
        points: env.CLIENT_ERRORS_RATE_LIMIT_POINTS,
        windowSeconds: env.CLIENT_ERRORS_RATE_LIMIT_WINDOW_SECONDS,
      },
    },
    database: { url: env.DATABASE_URL, poolSize: env.DB_POOL_SIZE, migrationsRun: env.MIGRATIONS_RUN },
    redis: { url: env.REDIS_URL, queuePrefix: env.QUEUE_PREFIX },
    mail: {
      smtpUrl: env.SMTP_URL,
      from: env.MAIL_FROM,
      retryBaseMs: env.MAIL_RETRY_BASE_MS,
      maxAttempts: env.MAIL_MAX_ATTEMPTS,
      leaseMs: env.MAIL_LEASE_MS,
      sweepEveryMs: env.OUTBOX_SWEEP_EVERY_MS,
    },
    reminders: { sweepEveryMs: env.REMINDER_SWEEP_EVERY_MS, leaseMs: env.REMINDER_LEASE_MS },
    digest: {
      enabled: env.DIGEST_ENABLED,
      weekday: env.DIGEST_WEEKDAY,
      hour: env.DIGEST_HOUR,
      checkEveryMs: env.DIGEST_CHECK_EVERY_MS,
    },
    log: { level: env.LOG_LEVEL },
    mechanism: { timeZone: env.MECHANISM_TIME_ZONE, secretariatContact: env.SECRETARIAT_CONTACT_EMAIL },
    reports: { rapporteursPerState: env.RAPPORTEURS_PER_STATE, symbolPattern: env.REPORT_SYMBOL_PATTERN },
    recommendations: { ratingScale: parseRatingScale(env.RECOMMENDATION_RATING_SCALE) },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    worker: {
      concurrency: env.WORKER_CONCURRENCY,
      heartbeatEveryMs: env.HEARTBEAT_EVERY_MS,
      auditSealEveryMs: env.AUDIT_SEAL_EVERY_MS,
    },
    auth: {
      jwtSecret: env.JWT_SECRET,
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      sessionRefreshGraceSeconds: env.SESSION_REFRESH_GRACE_SECONDS,
      invitationTtlHours: env.INVITATION_TTL_HOURS,
      passwordResetTtlMinutes: env.PASSWORD_RESET_TTL_MINUTES,
      passwordResetLimit: {
        perEmail: env.PASSWORD_RESET_MAX_PER_EMAIL,
        perClient: env.PASSWORD_RESET_MAX_PER_CLIENT,
        windowSeconds: env.PASSWORD_RESET_WINDOW_SECONDS,
      },
      loginMaxAttempts: env.LOGIN_MAX_ATTEMPTS,
      loginWindowSeconds: env.LOGIN_WINDOW_SECONDS,
      callerCacheSeconds: env.AUTH_CALLER_CACHE_SECONDS,
      argon2:
        env.APP_MODE === 'test'
          ? { memoryCost: 1024, timeCost: 2, parallelism: 1 }
          : { memoryCost: 19456, timeCost: 2, parallelism: 1 },
    },
    submissions: {
      attachmentMaxBytes: env.ATTACHMENT_MAX_BYTES,
      attachmentMaxConcurrentUploads: env.ATTACHMENT_MAX_CONCURRENT_UPLOADS,
      answersMaxBytes: env.ANSWERS_MAX_BYTES,
      answersMaxDepth: env.ANSWERS_MAX_DEPTH,
      answersMaxArrayItems: env.ANSWERS_MAX_ARRAY_ITEMS,
    },
    clockMovable: env.APP_MODE === 'test' || env.APP_MODE === 'demo',
  };
}
