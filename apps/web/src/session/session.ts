import type { paths } from '@mesecvi/api-client';

/** The signed-in account as `GET /me` shows it. */
export type Account = paths['/me']['get']['responses'][200]['content']['application/json'];

/** What signing in or a refresh gives: the access token (kept in memory only) and the account. */
export interface SessionGrant {
  accessToken: string;
  accessTokenExpiresAt: string;
  account: Account;
}

/** The api's session endpoints; the refresh token travels only in its HttpOnly cookie. */
export interface SessionTransport {
  start(email: string, password: string): Promise<SessionGrant>;
  /** A new grant, or undefined when the session is over (the api answered 401). */
  refresh(): Promise<SessionGrant | undefined>;
  end(): Promise<void>;
}

/** What one tab tells the others, so they share one refresh and one sign-out. */
export type SessionMessage = { kind: 'granted'; grant: SessionGrant } | { kind: 'ended'; reason: EndReason };

/** Why a session is over: the person signed out (in some tab), or it expired or was ended at the api. */
export type EndReason = 'signed-out' | 'expired';

/** The tabs of one browser: a lock only one holds at a time, and a channel to all of them. */
export interface TabCoordination {
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  publish(message: SessionMessage): void;
  subscribe(listener: (message: SessionMessage) => void): void;
}

export type SessionState = 'unknown' | 'signed-in' | 'signed-out';

/**
 * The browser's session: the access token and the account, in this tab's memory and nowhere
 * else. A refresh runs once at a time across all tabs (the lock); a tab that waited for it takes
 * the grant another tab just received instead of refreshing again. Every change is told to the
 * other tabs, so signing out in one signs out all.
 */
export class Session {
  private grant: SessionGrant | undefined;
  private state: SessionState = 'unknown';
  private reason: EndReason | undefined;
  private everSignedIn = false;
  private inFlight: Promise<SessionGrant | undefined> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly transport: SessionTransport,
    private readonly tabs: TabCoordination,
  ) {
    tabs.subscribe((message) => {
      if (message.kind === 'granted') this.adopt(message.grant);
      else this.forget(message.reason);
    });
  }

  get status(): SessionState {
    return this.state;
  }

  /** Whether this tab held a session at some point: a link opened in a fresh browser never did. */
  get hadSession(): boolean {
    return this.everSignedIn;
  }

  /** Why the session is over, once it is. */
  get endReason(): EndReason | undefined {
    return this.reason;
  }

  get account(): Account | undefined {
    return this.grant?.account;
  }

  get accessToken(): string | undefined {
    return this.grant?.accessToken;
  }

  /** Called on every change of state or account (for React's useSyncExternalStore). */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async signIn(email: string, password: string): Promise<Account> {
    const grant = await this.transport.start(email, password);
    this.adopt(grant);
    this.tabs.publish({ kind: 'granted', grant });
    return grant.account;
  }

  /**
   * A fresh access token, once for all callers and all tabs. `stale` is the token a call was
   * refused with (none when the tab has none yet): a different token held by the time the lock
   * is ours was renewed meanwhile and is used as it is.
   */
  refresh(stale: string | undefined = this.accessToken): Promise<SessionGrant | undefined> {
    this.inFlight ??= this.tabs
      .exclusive(async () => {
        if (this.grant && this.grant.accessToken !== stale) return this.grant;
        const grant = await this.transport.refresh();
        if (grant) {
          this.adopt(grant);
          this.tabs.publish({ kind: 'granted', grant });
        } else {
          this.end('expired');
        }
        return grant;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  /** Ends the session at the api (its cookie says which, whatever the access token) and here. */
  async signOut(): Promise<void> {
    try {
      await this.transport.end();
    } finally {
      this.end('signed-out');
    }
  }

  /** The account changed (a new name or language): kept, and told to the other tabs. */
  updateAccount(account: Account): void {
    if (!this.grant) return;
    const grant = { ...this.grant, account };
    this.adopt(grant);
    this.tabs.publish({ kind: 'granted', grant });
  }

  private end(reason: EndReason): void {
    this.forget(reason);
    this.tabs.publish({ kind: 'ended', reason });
  }

  private adopt(grant: SessionGrant): void {
    this.grant = grant;
    this.everSignedIn = true;
    this.state = 'signed-in';
    this.reason = undefined;
    this.notify();
  }

  private forget(reason: EndReason): void {
    this.grant = undefined;
    this.state = 'signed-out';
    this.reason = reason;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
