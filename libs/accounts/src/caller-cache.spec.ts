import type { Caller } from '@mesecvi/http';
import { CallerCache } from './caller-cache';

const caller = (userId: string, sessionId = 's1'): Caller => ({
  userId,
  role: 'state_focal_point',
  stateCode: 'ARG',
  language: 'es',
  sessionId,
});

describe('CallerCache', () => {
  let time = 0;
  const cache = (ttlMs = 1000, max = 100): CallerCache => {
    const c = new CallerCache(ttlMs, max, () => time);
    c.resume();
    return c;
  };
  beforeEach(() => (time = 0));

  it('keeps a caller per user and session until its time-to-live ends', () => {
    const c = cache();
    c.set(caller('u1'), c.epoch);
    expect(c.get('u1', 's1')).toEqual(caller('u1'));
    expect(c.get('u1', 's2')).toBeUndefined();
    time = 999;
    expect(c.get('u1', 's1')).toBeDefined();
    time = 1000;
    expect(c.get('u1', 's1')).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('forgets every session of a changed user, and only that user', () => {
    const c = cache();
    c.set(caller('u1', 's1'), c.epoch);
    c.set(caller('u1', 's2'), c.epoch);
    c.set(caller('u2'), c.epoch);
    c.forgetUser('u1');
    expect(c.get('u1', 's1')).toBeUndefined();
    expect(c.get('u1', 's2')).toBeUndefined();
    expect(c.get('u2', 's1')).toBeDefined();
    expect(c.size).toBe(1);
  });

  it('does not keep a caller read before a change that was announced while the read ran', () => {
    const c = cache();
    const epoch = c.epoch; // the read from PostgreSQL begins…
    c.forgetUser('u1'); // …the account is disabled and that is announced…
    c.set(caller('u1'), epoch); // …and the read's (stale) answer arrives
    expect(c.get('u1', 's1')).toBeUndefined();
  });

  it('keeps nothing while announcements are not heard, and forgets all on suspension', () => {
    const c = new CallerCache(1000, 100, () => time);
    c.set(caller('u1'), c.epoch);
    expect(c.get('u1', 's1')).toBeUndefined();
    c.resume();
    c.set(caller('u1'), c.epoch);
    c.suspend();
    expect(c.active).toBe(false);
    expect(c.get('u1', 's1')).toBeUndefined();
    c.resume();
    expect(c.get('u1', 's1')).toBeUndefined();
  });

  it('keeps nothing with a time-to-live of zero (the cache switched off)', () => {
    const c = cache(0);
    c.set(caller('u1'), c.epoch);
    expect(c.get('u1', 's1')).toBeUndefined();
  });

  it('stays within its size by starting over when full', () => {
    const c = cache(1000, 3);
    for (const u of ['a', 'b', 'c', 'd']) c.set(caller(u), c.epoch);
    expect(c.size).toBe(1);
    expect(c.get('d', 's1')).toBeDefined();
    c.forgetAll();
    expect(c.size).toBe(0);
  });
});
