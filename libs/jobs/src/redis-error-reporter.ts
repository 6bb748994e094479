import { Logger } from '@nestjs/common';

const QUIET_MS = 10_000;

/**
 * BullMQ queues and workers emit `error` on every failed reconnect while Redis is away; with no
 * listener they fall back to console.error, a dozen unstructured lines a second. This reports them
 * as one structured warning per source and 10 s (with how many were folded in); /ready and the
 * queue-depth metrics are where an outage is seen.
 */
export class RedisErrorReporter {
  private readonly logger = new Logger('Redis');
  private lastAt = 0;
  private folded = 0;

  constructor(private readonly source: string) {}

  report = (error: unknown): void => {
    const now = Date.now();
    if (now - this.lastAt < QUIET_MS) {
      this.folded += 1;
      return;
    }
    this.logger.warn({
      msg: 'queue connection error',
      source: this.source,
      error: error instanceof Error ? error.message : String(error),
      foldedSinceLast: this.folded,
    });
    this.lastAt = now;
    this.folded = 0;
  };
}
