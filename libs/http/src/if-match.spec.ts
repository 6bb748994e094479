import { DomainError } from '@mesecvi/errors';
import { parseIfMatch, Precondition } from './if-match';

const thrownBy = (run: () => unknown): DomainError | undefined => {
  try {
    run();
    return undefined;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
};
const statusOf = (run: () => unknown): number | undefined => thrownBy(run)?.status;

describe('If-Match', () => {
  it('reads "3", W/"3" and 3 as version 3', () => {
    for (const header of ['"3"', 'W/"3"', '3', ' "3" ']) expect(parseIfMatch(header)).toBe(3);
  });

  it('reads an absent or blank header as no precondition', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('  ')).toBeUndefined();
  });

  it('answers 412 for anything that is not one of our ETags', () => {
    for (const header of ['*', '"a"', '"3", "4"', 'W/3x', '"-1"', '"1234567890"'])
      expect(statusOf(() => parseIfMatch(header))).toBe(412);
  });

  it('answers 428 only when a required header is absent, and only when asked', () => {
    const missing = new Precondition(undefined, true);
    expect(statusOf(() => missing.version())).toBe(428);
    expect(thrownBy(() => missing.version(7))?.options.extensions).toEqual({ currentEtag: '"7"' });
    expect(new Precondition(undefined, false).version()).toBeUndefined();
    expect(new Precondition(3, true).version()).toBe(3);
  });
});
