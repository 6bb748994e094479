import { ApiError } from '../errors/api-error';
import type { FieldProblem } from '../questionnaire/field-problems';
import type { DraftStore, StoredDraft } from './draft-store';
import { applyMergePatch, documentAnswers, jsonEqual, mergePatchOf, type JsonObject } from './merge-patch';
import { rebase, resolveConflict, valueAt, withheld, type Conflict } from './pending';

/** Where the draft stands, as the page says it. */
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'offline' | 'frozen' | 'refused';

export interface SaverSnapshot {
  /** The person's answers: the server's with her unsent changes laid over them. */
  local: JsonObject;
  status: SaveStatus;
  /** The server's time of the last save (this tab's, or the draft's when it opened). */
  savedAt?: string;
  /** Fields the server refused: kept here with their rule, the rest of the document is saved. */
  problems: readonly FieldProblem[];
  /** Items someone else changed too: the person chooses (nothing of them is sent until then). */
  conflicts: readonly Conflict[];
}

/** The draft as the server holds it: its document, version and when it was last saved. */
export interface ServerDraft {
  document: JsonObject;
  version: number;
  savedAt?: string;
}

/** The draft api as the saver needs it; errors are `ApiError`s. */
export interface DraftTransport {
  read(): Promise<{ document: JsonObject; version: number }>;
  patch(patch: JsonObject, version: number): Promise<{ version: number; updatedAt: string }>;
}

export interface SaverOptions {
  userId: string;
  evaluationId: string;
  transport: DraftTransport;
  store: DraftStore;
  /** Quiet time after the last change before a save. */
  delayMs: number;
  /** Longest a change waits while the person keeps typing. */
  maxWaitMs: number;
  /** The round's name and the labels of the items pending, for telling her what is unsent. */
  describe(pending: string[]): { title: string; pendingLabels: string[] };
  /** Every patch sent (its bytes are the benchmark's figure). */
  onSend?(patch: JsonObject): void;
}

const RETRY_FIRST_MS = 2_000;
const RETRY_MAX_MS = 30_000;

interface Hold {
  rule: string;
  /** The refused value: the hold ends when the person changes it. */
  value: unknown;
}

/**
 * One draft's autosave in this tab. Every change replaces the local document and is written to
 * the store before anything is sent; a save sends the merge patch from the server's last known
 * document to the local one (so changes made meanwhile coalesce into the next save), one at a
 * time, with the version it is based on in If-Match. Its own saves never meet a 412: the next
 * one starts from the version the previous one answered.
 */
export class DraftSaver {
  private base: JsonObject;
  private version: number;
  private local: JsonObject;
  private holds = new Map<string, Hold>();
  private conflicts: Conflict[] = [];
  private status: SaveStatus = 'saved';
  private savedAt: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstPendingAt: number | undefined;
  private inFlight = false;
  private again = false;
  private retryMs = RETRY_FIRST_MS;
  private writing: Promise<void> = Promise.resolve();
  private disposed = false;
  private readonly listeners = new Set<() => void>();
  private current: SaverSnapshot;

  private constructor(
    private readonly options: SaverOptions,
    server: ServerDraft,
  ) {
    this.base = server.document;
    this.version = server.version;
    this.local = server.document;
    this.savedAt = server.savedAt;
    this.current = this.snapshotNow();
  }

  /**
   * The saver of a draft, from the server's document and what the store kept of an earlier
   * session (a reload, a closed tab, an expired session): that queue is laid over the server's
   * document and sent at once.
   */
  static async open(options: SaverOptions, server: ServerDraft): Promise<DraftSaver> {
    const saver = new DraftSaver(options, server);
    const stored = await options.store.load(options.userId, options.evaluationId).catch(() => undefined);
    if (stored) saver.resume(stored);
    return saver;
  }

  private resume(stored: StoredDraft): void {
    if (stored.baseVersion === this.version && jsonEqual(stored.base, this.base)) this.local = stored.local;
    else {
      const rebased = rebase(stored.base, documentAnswers(stored.local), this.base);
      this.local = rebased.local;
      this.conflicts = rebased.conflicts;
    }
    if (this.hasUnsent()) {
      this.status = 'pending';
      this.schedule(0);
    }
    this.emit();
  }

  get snapshot(): SaverSnapshot {
    return this.current;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether anything of the person's is not on the server yet. */
  hasUnsent(): boolean {
    return this.conflicts.length > 0 || !jsonEqual(this.base, this.answers());
  }

  /** The person changed her answers: kept at once, saved after the quiet time. */
  edit(local: JsonObject): void {
    if (this.disposed) return;
    this.local = local;
    this.releaseChangedHolds();
    if (this.status !== 'frozen') this.status = this.hasUnsent() ? 'pending' : 'saved';
    this.persist();
    this.firstPendingAt ??= Date.now();
    const waited = Date.now() - this.firstPendingAt;
    this.schedule(Math.max(0, Math.min(this.options.delayMs, this.options.maxWaitMs - waited)));
    this.emit();
  }

  /** The person chose her answer or the other one for a conflicting item. */
  resolve(itemId: string, keep: 'mine' | 'theirs'): void {
    const conflict = this.conflicts.find((c) => c.itemId === itemId);
    if (!conflict) return;
    this.local = resolveConflict(this.local, conflict, keep);
    this.conflicts = this.conflicts.filter((c) => c !== conflict);
    this.status = this.hasUnsent() ? 'pending' : 'saved';
    this.persist();
    this.schedule(0);
    this.emit();
  }

  /** Try now (the connection is back, or the person is leaving). */
  retryNow(): Promise<void> {
    return this.flush();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.listeners.clear();
  }

  /** The person's answers, without the form's empty fill-ins. */
  private answers(): JsonObject {
    return documentAnswers(this.local);
  }

  /** What a save would make of the draft: her answers, refused fields held back. */
  private target(): JsonObject {
    return withheld(this.answers(), this.base, [...this.holds.keys()]);
  }

  /** A refused field the person has changed since is sent again. */
  private releaseChangedHolds(): void {
    for (const [pointer, hold] of this.holds)
      if (!jsonEqual(valueAt(this.answers(), pointer), hold.value)) this.holds.delete(pointer);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  /** Sends what is pending, one save at a time; a request meanwhile runs right after. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    if (this.disposed || this.conflicts.length > 0 || this.status === 'frozen') return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.releaseChangedHolds();
    const target = this.target();
    const patch = mergePatchOf(this.base, target);
    if (!patch) {
      if (this.status !== 'refused') this.status = 'saved';
      this.persist();
      this.emit();
      return;
    }
    this.inFlight = true;
    this.firstPendingAt = undefined;
    this.status = 'saving';
    this.emit();
    try {
      // What is sent is in the store first: a tab closed now loses nothing.
      await this.writing;
      this.options.onSend?.(patch);
      const answer = await this.options.transport.patch(patch, this.version);
      this.base = applyMergePatch(this.base, patch) as JsonObject;
      this.version = answer.version;
      this.savedAt = answer.updatedAt;
      this.retryMs = RETRY_FIRST_MS;
      this.status = jsonEqual(this.target(), this.base) ? 'saved' : 'pending';
    } catch (error) {
      await this.failed(error, target);
    } finally {
      this.inFlight = false;
    }
    this.persist();
    this.emit();
    if (this.again) {
      this.again = false;
      await this.flush();
    }
  }

  private async failed(error: unknown, target: JsonObject): Promise<void> {
    const status = error instanceof ApiError ? error.status : -1;
    if (status === 412) return this.rebaseOnServer();
    if (status === 422 && error instanceof ApiError) return this.hold(error, target);
    if (status === 409 || status === 404) {
      this.status = 'frozen';
      return;
    }
    if (status === 0 || status === 401 || status === 429 || status >= 500) {
      this.status = 'offline';
      this.schedule(this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
      return;
    }
    this.status = 'refused';
  }

  /** Someone else saved: take their changes, keep hers; only the same item changed twice asks. */
  private async rebaseOnServer(): Promise<void> {
    let server: { document: JsonObject; version: number };
    try {
      server = await this.options.transport.read();
    } catch {
      this.status = 'offline';
      this.schedule(this.retryMs);
      return;
    }
    const rebased = rebase(this.base, this.answers(), server.document);
    this.base = rebased.base;
    this.version = server.version;
    this.local = rebased.local;
    this.conflicts = [...this.conflicts, ...rebased.conflicts];
    this.status = this.hasUnsent() ? 'pending' : 'saved';
    if (this.conflicts.length === 0) this.again = true;
  }

  /** A 422: the fields it names stay here with their rule; the rest is sent again. */
  private hold(error: ApiError, target: JsonObject): void {
    const fresh = (error.problem?.errors ?? []).filter(
      (e) => e.pointer !== '' && !this.holds.has(e.pointer) && valueAt(target, e.pointer) !== undefined,
    );
    if (fresh.length === 0) {
      this.status = 'refused';
      return;
    }
    for (const e of fresh) this.holds.set(e.pointer, { rule: e.keyword ?? 'other', value: valueAt(target, e.pointer) });
    this.status = 'pending';
    this.again = true;
  }

  /** Keeps the store in step: the record while something is unsent, none once all is saved. */
  private persist(): void {
    const { store, userId, evaluationId } = this.options;
    const unsent = this.hasUnsent();
    const record = unsent ? this.record() : undefined;
    this.writing = this.writing
      .then(() => (record ? store.save(record) : store.remove(userId, evaluationId)))
      .catch(() => undefined);
  }

  private record(): StoredDraft {
    const answers = this.answers();
    const pending = Object.keys({ ...this.base, ...answers }).filter((id) => !jsonEqual(this.base[id], answers[id]));
    return {
      userId: this.options.userId,
      evaluationId: this.options.evaluationId,
      base: this.base,
      baseVersion: this.version,
      local: this.local,
      ...this.options.describe(pending),
      storedAt: new Date().toISOString(),
    };
  }

  /** Resolves once what the saver last kept is in the store. */
  settled(): Promise<void> {
    return this.writing;
  }

  private snapshotNow(): SaverSnapshot {
    return {
      local: this.local,
      status: this.status,
      savedAt: this.savedAt,
      problems: [...this.holds].map(([pointer, hold]) => ({ pointer, rule: hold.rule })),
      conflicts: this.conflicts,
    };
  }

  private emit(): void {
    this.current = this.snapshotNow();
    for (const listener of this.listeners) listener();
  }
}
