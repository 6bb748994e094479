import { asApiError } from '../errors/api-error';

/** 128 random bits as hex: `crypto.getRandomValues` works on plain http too, unlike `randomUUID`. */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether a failed submit may have reached the server: no answer came back, or the server failed. */
export function mayHaveArrived(error: unknown): boolean {
  const { status } = asApiError(error);
  return status === 0 || status >= 500;
}

/**
 * The `Idempotency-Key` of one attempt to submit: the same key for every retry of the attempt (a
 * double press, a press after a dropped connection), so the server submits once and answers the
 * retry with the first answer. An answer the server gave (a receipt, a refusal, problems to
 * correct) ends the attempt; the next press is a new attempt with a new key.
 */
export class AttemptKey {
  private key: string | undefined;

  constructor(private readonly newKey: () => string = randomKey) {}

  /** The key of the attempt under way, or of a new one. */
  current(): string {
    this.key ??= this.newKey();
    return this.key;
  }

  /** After the call: kept while the outcome is unknown (`error` that may not have arrived), dropped otherwise. */
  settle(error?: unknown): void {
    if (error === undefined || !mayHaveArrived(error)) this.key = undefined;
  }
}

const keys = new Map<string, AttemptKey>();

/** The attempt key of an evaluation, kept for as long as the tab is open (leaving the page keeps it too). */
export function attemptKeyOf(evaluationId: string): AttemptKey {
  let key = keys.get(evaluationId);
  if (!key) {
    key = new AttemptKey();
    keys.set(evaluationId, key);
  }
  return key;
}
