/** How long the rate is measured over: long enough to smooth a bumpy link, short enough to follow a change. */
const WINDOW_MS = 10_000;
/** No estimate before this much sending: the first moments of an upload say little of its rate. */
const SETTLE_MS = 1_000;

/**
 * The seconds an upload still needs, from the bytes sent over the last few seconds (a slow link's
 * rate changes; the average since the start would lag behind it).
 */
export class TimeLeft {
  private readonly samples: Array<{ at: number; sent: number }> = [];

  constructor(private readonly startedAt: number) {}

  /** Records `sent` of `total` bytes at `at` (ms) and answers the seconds left, once it can tell. */
  update(at: number, sent: number, total: number): number | undefined {
    this.samples.push({ at, sent });
    while (this.samples.length > 2 && at - this.samples[0].at > WINDOW_MS) this.samples.shift();
    if (at - this.startedAt < SETTLE_MS || this.samples.length < 2) return undefined;
    const first = this.samples[0];
    const rate = (sent - first.sent) / (at - first.at);
    if (!(rate > 0)) return undefined;
    return Math.ceil((total - sent) / rate / 1000);
  }
}
