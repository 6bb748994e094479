import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '@mesecvi/config';
import { CallerCache } from './caller-cache';

/** The channel the account triggers announce on (migration AccountChangeNotify): a user id, or `*` for everyone. */
export const ACCOUNT_CHANGED_CHANNEL = 'account_changed';
/** How often the listening connection is checked: a connection that died silently stops caching within this. */
const HEARTBEAT_MS = 10_000;
const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 10_000;

/**
 * Hears PostgreSQL's announcements of account changes on a connection of its own and makes the
 * CallerCache forget what they concern. The cache is only used while this connection is up and
 * listening; it is suspended the moment the connection fails and resumed (empty) once it is back.
 * Started by the first authentication (so a process that authenticates nobody, the worker, never
 * opens it); one extra PostgreSQL connection per api process.
 */
@Injectable()
export class AccountChangeListener implements OnModuleDestroy {
  private readonly logger = new Logger('AccountChangeListener');
  readonly cache: CallerCache;
  private client: Client | null = null;
  private started = false;
  private stopped = false;
  private heartbeat: NodeJS.Timeout | null = null;
  private reconnect: NodeJS.Timeout | null = null;
  private delayMs = RECONNECT_MIN_MS;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.cache = new CallerCache(config.auth.callerCacheSeconds * 1000);
  }

  /** Idempotent; does nothing when the cache is switched off (AUTH_CALLER_CACHE_SECONDS=0). */
  start(): void {
    if (this.started || this.stopped || this.config.auth.callerCacheSeconds <= 0) return;
    this.started = true;
    void this.connect();
  }

  /** Whether announcements are being heard (the cache is in use). */
  get listening(): boolean {
    return this.cache.active;
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.config.database.url,
      keepAlive: true,
      query_timeout: 5_000,
      application_name: 'mesecvi-account-changes',
    });
    this.client = client;
    client.on('notification', (message) => {
      if (message.channel !== ACCOUNT_CHANGED_CHANNEL) return;
      if (!message.payload || message.payload === '*') this.cache.forgetAll();
      else this.cache.forgetUser(message.payload);
    });
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${ACCOUNT_CHANGED_CHANNEL}`);
    } catch (e) {
      this.lost(client, e);
      return;
    }
    if (this.client !== client) return;
    this.cache.resume();
    this.delayMs = RECONNECT_MIN_MS;
    this.heartbeat = setInterval(
      () => void client.query('SELECT 1').catch((e: unknown) => this.lost(client, e)),
      HEARTBEAT_MS,
    );
    this.heartbeat.unref();
  }

  /** The connection failed: stop caching at once, then try again with a growing delay. */
  private lost(client: Client, error: unknown): void {
    if (this.client !== client) return;
    this.cache.suspend();
    this.client = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    client.removeAllListeners('notification');
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.logger.warn({
      msg: 'account change announcements lost; callers are read from PostgreSQL until they are back',
      error: error instanceof Error ? error.message : String(error),
      retryInMs: this.delayMs,
    });
    this.reconnect = setTimeout(() => void this.connect(), this.delayMs);
    this.reconnect.unref();
    this.delayMs = Math.min(this.delayMs * 2, RECONNECT_MAX_MS);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.cache.suspend();
    if (this.reconnect) clearTimeout(this.reconnect);
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.client;
    this.client = null;
    if (client) {
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
