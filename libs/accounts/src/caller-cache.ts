import type { Caller } from '@mesecvi/http';

interface Entry {
  caller: Caller;
  /** performance.now() after which the entry is read again from PostgreSQL. */
  until: number;
}

/**
 * Callers resolved from a verified token (user and session), kept so that an authenticated
 * request needs no round trip to PostgreSQL just to learn who is calling — on this platform's
 * small machines that round trip is a fifth of a draft save's cost.
 *
 * Being right rests on forgetting at the right time, not on the time-to-live:
 * - PostgreSQL announces every change to an account, a session or a state's working language
 *   (NOTIFY account_changed, from triggers, see AccountChangeListener), and the entries concerned
 *   are forgotten; the code that makes such a change also forgets them here at once, so the next
 *   request to this process after a disabling or a sign-out is refused without waiting for that.
 * - Nothing is cached while those announcements are not being heard (before the listener is
 *   connected, after it lost its connection until it is back): `suspend`.
 * - An entry read before a change but stored after it was announced would be stale: every
 *   forgetting moves `epoch`, and `set` stores only if no forgetting happened since the read began.
 * The time-to-live only bounds what a silently broken listener connection could leave behind.
 */
export class CallerCache {
  private readonly byUser = new Map<string, Map<string, Entry>>();
  private entries = 0;
  private listening = false;
  private epochCounter = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whether callers are being kept (a time-to-live above zero, and change announcements heard). */
  get active(): boolean {
    return this.listening && this.ttlMs > 0;
  }

  /** Taken before reading a caller from PostgreSQL; handed back to `set`. */
  get epoch(): number {
    return this.epochCounter;
  }

  get(userId: string, sessionId: string): Caller | undefined {
    if (!this.active) return undefined;
    const entry = this.byUser.get(userId)?.get(sessionId);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.caller;
    this.forgetEntry(userId, sessionId);
    return undefined;
  }

  /** Keeps a caller read at `epoch`, unless something was forgotten since (it may be stale). */
  set(caller: Caller, epoch: number): void {
    if (!this.active || epoch !== this.epochCounter || !caller.sessionId) return;
    if (this.entries >= this.maxEntries) this.clear();
    let sessions = this.byUser.get(caller.userId);
    if (!sessions) this.byUser.set(caller.userId, (sessions = new Map()));
    if (!sessions.has(caller.sessionId)) this.entries++;
    sessions.set(caller.sessionId, { caller, until: this.now() + this.ttlMs });
  }

  /** An account or its sessions changed. */
  forgetUser(userId: string): void {
    this.epochCounter++;
    const sessions = this.byUser.get(userId);
    if (!sessions) return;
    this.entries -= sessions.size;
    this.byUser.delete(userId);
  }

  /** Something changed that may concern anyone (a state's working language). */
  forgetAll(): void {
    this.epochCounter++;
    this.clear();
  }

  /** Change announcements are (again) being heard: caching may start. */
  resume(): void {
    this.forgetAll();
    this.listening = true;
  }

  /** Announcements may be missed from now on: forget everything and keep nothing until `resume`. */
  suspend(): void {
    this.listening = false;
    this.forgetAll();
  }

  get size(): number {
    return this.entries;
  }

  private forgetEntry(userId: string, sessionId: string): void {
    const sessions = this.byUser.get(userId);
    if (sessions?.delete(sessionId)) this.entries--;
    if (sessions?.size === 0) this.byUser.delete(userId);
  }

  private clear(): void {
    this.byUser.clear();
    this.entries = 0;
  }
}
