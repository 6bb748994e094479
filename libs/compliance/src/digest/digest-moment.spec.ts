import { isoWeekday, latestDigestMoment, nextDigestMoment } from './digest-moment';

const NY = 'America/New_York';

describe('digest moment', () => {
  it('knows ISO weekdays', () => {
    expect(isoWeekday('2026-03-02')).toBe(1); // a Monday
    expect(isoWeekday('2026-03-08')).toBe(7);
  });

  it('is this week’s Monday 08:00 in New York once it has passed, else last week’s', () => {
    // Monday 2 March 2026, 08:00 EST = 13:00 UTC.
    expect(latestDigestMoment(new Date('2026-03-02T13:00:00Z'), 1, 8, NY)).toEqual({
      day: '2026-03-02',
      at: new Date('2026-03-02T13:00:00Z'),
      previousAt: new Date('2026-02-23T13:00:00Z'),
    });
    expect(latestDigestMoment(new Date('2026-03-02T12:59:59Z'), 1, 8, NY).day).toBe('2026-02-23');
    expect(latestDigestMoment(new Date('2026-03-06T20:00:00Z'), 1, 8, NY).day).toBe('2026-03-02');
  });

  it('follows daylight saving time: 08:00 EDT after the March change', () => {
    // DST starts 8 March 2026; Monday 9 March 08:00 EDT = 12:00 UTC.
    expect(latestDigestMoment(new Date('2026-03-09T12:00:00Z'), 1, 8, NY).at).toEqual(new Date('2026-03-09T12:00:00Z'));
    expect(nextDigestMoment(new Date('2026-03-03T00:00:00Z'), 1, 8, NY)).toEqual(new Date('2026-03-09T12:00:00Z'));
  });

  it('uses the local day, not the UTC one, near midnight', () => {
    // Sunday 23:30 in New York is already Monday in UTC: the Sunday 22:00 digest has passed.
    expect(latestDigestMoment(new Date('2026-03-09T03:30:00Z'), 7, 22, NY).day).toBe('2026-03-08');
  });
});
