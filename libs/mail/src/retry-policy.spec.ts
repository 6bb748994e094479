import { describeError, isPermanentSmtpFailure, retryDelayMs, RETRY_CAP_MS } from './retry-policy';

describe('retry policy', () => {
  it('doubles the delay with each failed attempt, between half and all of the ceiling', () => {
    const low = (n: number) => retryDelayMs(n, 30_000, () => 0);
    const high = (n: number) => retryDelayMs(n, 30_000, () => 1);
    expect([low(1), high(1)]).toEqual([15_000, 30_000]);
    expect([low(2), high(2)]).toEqual([30_000, 60_000]);
    expect([low(3), high(3)]).toEqual([60_000, 120_000]);
    expect([low(5), high(5)]).toEqual([240_000, 480_000]);
  });

  it('spreads retries with jitter', () => {
    const values = new Set(Array.from({ length: 20 }, () => retryDelayMs(3, 30_000)));
    expect(values.size).toBeGreaterThan(1);
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(60_000);
      expect(v).toBeLessThanOrEqual(120_000);
    }
  });

  it('is capped, even after very many attempts', () => {
    expect(retryDelayMs(20, 30_000, () => 1)).toBe(RETRY_CAP_MS);
    expect(retryDelayMs(1000, 30_000, () => 1)).toBe(RETRY_CAP_MS);
    expect(Number.isFinite(retryDelayMs(1000, 30_000))).toBe(true);
  });

  it('treats SMTP 5xx replies as permanent and everything else as worth a retry', () => {
    expect(isPermanentSmtpFailure(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }))).toBe(true);
    expect(isPermanentSmtpFailure(Object.assign(new Error('try later'), { responseCode: 451 }))).toBe(false);
    expect(isPermanentSmtpFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ESOCKET' }))).toBe(false);
    expect(isPermanentSmtpFailure('nope')).toBe(false);
  });

  it('describes an error on one short line', () => {
    const e = Object.assign(new Error('connect ECONNREFUSED\n127.0.0.1:1'), { code: 'ESOCKET' });
    expect(describeError(e)).toBe('ESOCKET: connect ECONNREFUSED 127.0.0.1:1');
    expect(describeError(new Error('x'.repeat(5000))).length).toBe(1000);
  });
});
