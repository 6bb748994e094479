import { submissionTiming } from './submission-timing';

const tz = 'America/New_York';

describe('on time or late', () => {
  it('is on time until the due day ends in the mechanism time zone', () => {
    // 31 March 2027 ends at 04:00 UTC on 1 April (EDT).
    expect(submissionTiming(new Date('2027-04-01T03:59:59Z'), { dueDate: '2027-03-31', timeZone: tz })).toEqual({
      onTime: true,
      daysLate: 0,
      dueDate: '2027-03-31',
    });
    expect(submissionTiming(new Date('2027-04-01T04:00:00Z'), { dueDate: '2027-03-31', timeZone: tz })).toEqual({
      onTime: false,
      daysLate: 1,
      dueDate: '2027-03-31',
    });
  });

  it('counts days late in calendar days of that zone', () => {
    expect(submissionTiming(new Date('2027-04-11T03:00:00Z'), { dueDate: '2027-03-31', timeZone: tz }).daysLate).toBe(
      10,
    );
    expect(submissionTiming(new Date('2027-04-11T05:00:00Z'), { dueDate: '2027-03-31', timeZone: tz }).daysLate).toBe(
      11,
    );
  });

  it('is on time when nothing was due', () => {
    expect(submissionTiming(new Date(), null)).toEqual({ onTime: true, daysLate: 0, dueDate: null });
  });
});
