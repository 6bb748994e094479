import type { Attachment } from './evidence-api';
import type { Refusal } from './preflight';
import { TimeLeft } from './time-left';

/** What one attempt at sending got: the api's answer, or status 0 when the network failed. */
export interface SendOutcome {
  status: number;
  body: unknown;
  retryAfterSeconds?: number;
  requestId?: string;
}

/** Sends the whole file once; `abort` ends the attempt (its outcome is then status 0). */
export type SendFile = (
  token: string | undefined,
  onProgress: (sent: number, total: number) => void,
) => { outcome: Promise<SendOutcome>; abort: () => void };

/** What an upload needs from the page: the session, the network's state and the clock. */
export interface UploadEnvironment {
  send: SendFile;
  token(): string | undefined;
  /** A fresh access token after `stale` was refused, or undefined when the session is over. */
  refresh(stale: string | undefined): Promise<string | undefined>;
  online(): boolean;
  /** Resolves the next time the browser says the network is back (not at once when it is up). */
  whenOnline(): Promise<void>;
  /** Calls `listener` when the browser says the network is gone; answers the unsubscribe. */
  onOffline(listener: () => void): () => void;
  wait(ms: number): Promise<void>;
  now(): number;
}

export type UploadPhase =
  | { kind: 'sending'; sent: number; total: number; secondsLeft?: number }
  | { kind: 'waiting-network' }
  | { kind: 'waiting-retry'; seconds: number }
  | { kind: 'done'; attachment: Attachment }
  | { kind: 'refused'; reason: Refusal | 'too-many' | 'signed-out' | 'failed'; requestId?: string }
  | { kind: 'cancelled' };

/** The longest pause between attempts after failures the browser does not explain. */
const MAX_BACKOFF_SECONDS = 30;
const TRANSIENT = new Set([0, 502, 503, 504]);

/**
 * One file's upload, kept until it is done: the file stays in memory, so nothing has to be chosen
 * again. An expired token is refreshed and the file sent again; a lost connection waits for the
 * network to come back, then restarts the upload (the api takes a file in one request, so there is
 * no partial upload to resume); a busy api is retried after its Retry-After. A refusal (413, 415,
 * 422…) or an ended session stops it.
 */
export class UploadTask {
  private cancelled = false;
  private abortAttempt: (() => void) | undefined;
  private wakeUp: (() => void) | undefined;

  constructor(
    private readonly env: UploadEnvironment,
    private readonly onPhase: (phase: UploadPhase) => void,
  ) {}

  cancel(): void {
    this.cancelled = true;
    this.abortAttempt?.();
    this.wakeUp?.();
  }

  async run(): Promise<void> {
    let failures = 0;
    let refreshedFor: string | undefined;
    let token = this.env.token();
    while (!this.cancelled) {
      if (!this.env.online()) {
        this.onPhase({ kind: 'waiting-network' });
        await this.pause(this.env.whenOnline());
        continue;
      }
      const outcome = await this.attempt(token);
      if (this.cancelled) break;
      if (outcome.status >= 200 && outcome.status < 300) {
        this.onPhase({ kind: 'done', attachment: outcome.body as Attachment });
        return;
      }
      if (outcome.status === 401 && refreshedFor !== token) {
        refreshedFor = token;
        token = await this.env.refresh(token);
        if (token === undefined) return this.onPhase({ kind: 'refused', reason: 'signed-out' });
        continue;
      }
      if (outcome.status === 429) {
        await this.retryIn(outcome.retryAfterSeconds ?? 5);
        continue;
      }
      if (TRANSIENT.has(outcome.status)) {
        failures += 1;
        if (this.env.online()) await this.retryIn(Math.min(2 ** failures, MAX_BACKOFF_SECONDS));
        continue;
      }
      return this.onPhase({ kind: 'refused', reason: refusalOf(outcome), requestId: outcome.requestId });
    }
    this.onPhase({ kind: 'cancelled' });
  }

  private attempt(token: string | undefined): Promise<SendOutcome> {
    const timeLeft = new TimeLeft(this.env.now());
    this.onPhase({ kind: 'sending', sent: 0, total: 0 });
    const { outcome, abort } = this.env.send(token, (sent, total) => {
      if (this.cancelled) return;
      this.onPhase({ kind: 'sending', sent, total, secondsLeft: timeLeft.update(this.env.now(), sent, total) });
    });
    this.abortAttempt = abort;
    // A connection that drops mid-upload may stall for minutes before failing: the browser's word
    // that the network is gone ends the attempt at once, and the loop waits for it to return.
    const unsubscribe = this.env.onOffline(abort);
    return outcome.finally(() => {
      unsubscribe();
      this.abortAttempt = undefined;
    });
  }

  private async retryIn(seconds: number): Promise<void> {
    this.onPhase({ kind: 'waiting-retry', seconds });
    // The network coming back is a better moment to try than the end of the pause.
    await this.pause(Promise.race([this.env.wait(seconds * 1000), this.env.whenOnline()]));
  }

  /** Waits for `until`, or for a cancel. */
  private pause(until: Promise<void>): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wakeUp = resolve;
      void until.then(resolve);
    }).finally(() => {
      this.wakeUp = undefined;
    });
  }
}

function refusalOf(outcome: SendOutcome): Refusal | 'signed-out' | 'failed' {
  if (outcome.status === 413) return 'too-large';
  if (outcome.status === 415) return 'wrong-type';
  if (outcome.status === 401) return 'signed-out';
  return 'failed';
}
