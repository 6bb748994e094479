import { addDays, daysBetween, daysLeft, dueInstant, localDate, ruleInstant, zonedInstant } from './deadline-time';
import { planReminders, type LadderRule } from './reminders/reminder-plan';

const NY = 'America/New_York';

describe('deadline time', () => {
  it('adds calendar days across months, years and leap days', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('makes a deadline due at the end of its day in the mechanism time zone', () => {
    // 15 March 2026 is daylight time in New York (UTC−4): the day ends at 04:00 UTC on the 16th.
    expect(dueInstant('2026-03-15', NY).toISOString()).toBe('2026-03-16T04:00:00.000Z');
    // 15 January is standard time (UTC−5).
    expect(dueInstant('2026-01-15', NY).toISOString()).toBe('2026-01-16T05:00:00.000Z');
    expect(dueInstant('2026-01-15', 'America/Port-au-Prince').toISOString()).toBe('2026-01-16T05:00:00.000Z');
    expect(dueInstant('2026-01-15', 'America/Sao_Paulo').toISOString()).toBe('2026-01-16T03:00:00.000Z');
  });

  it('fires −7d at 09:00 local on either side of the spring DST change (8 March 2026)', () => {
    // Due 14 March: −7d is 7 March, still standard time → 14:00 UTC.
    expect(ruleInstant('2026-03-14', -7, '09:00', NY).toISOString()).toBe('2026-03-07T14:00:00.000Z');
    // Due 15 March: −7d is 8 March, the change day, already daylight time at 09:00 → 13:00 UTC.
    expect(ruleInstant('2026-03-15', -7, '09:00', NY).toISOString()).toBe('2026-03-08T13:00:00.000Z');
    // −1d of a deadline on the 9th lands on the change day too.
    expect(ruleInstant('2026-03-09', -1, '09:00', NY).toISOString()).toBe('2026-03-08T13:00:00.000Z');
  });

  it('fires at 09:00 local on either side of the autumn DST change (1 November 2026)', () => {
    expect(ruleInstant('2026-11-08', -7, '09:00', NY).toISOString()).toBe('2026-11-01T14:00:00.000Z');
    expect(ruleInstant('2026-10-31', 1, '09:00', NY).toISOString()).toBe('2026-11-01T14:00:00.000Z');
    expect(ruleInstant('2026-10-31', 0, '09:00', NY).toISOString()).toBe('2026-10-31T13:00:00.000Z');
  });

  it('maps a wall time skipped by DST forward and a repeated one to its first occurrence', () => {
    expect(zonedInstant('2026-03-08', '02:30', NY).toISOString()).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(zonedInstant('2026-11-01', '01:30', NY).toISOString()).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT, the first one
    // Where midnight itself is skipped (Santiago, September 2026), the day ends at 01:00 instead.
    expect(dueInstant('2026-09-05', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('counts days left in the local calendar, not in UTC', () => {
    // 02:00 UTC on the 16th is still the 15th in New York: the due day itself.
    expect(localDate(new Date('2026-03-16T02:00:00Z'), NY)).toBe('2026-03-15');
    expect(daysLeft('2026-03-15', new Date('2026-03-16T02:00:00Z'), NY)).toBe(0);
    expect(daysLeft('2026-03-15', new Date('2026-03-08T13:00:00Z'), NY)).toBe(7);
    expect(daysLeft('2026-03-15', new Date('2026-03-29T13:00:00Z'), NY)).toBe(-14);
  });
});

describe('planning a ladder', () => {
  const ladder: LadderRule[] = [
    { id: 'r30', offsetDays: -30, timeOfDay: '09:00', recipientRoles: ['focal_point'] },
    { id: 'r7', offsetDays: -7, timeOfDay: '09:00', recipientRoles: ['focal_point'] },
    { id: 'r1', offsetDays: -1, timeOfDay: '09:00', recipientRoles: ['focal_point', 'contributors'] },
    { id: 'p1', offsetDays: 1, timeOfDay: '09:00', recipientRoles: ['focal_point', 'permanent_mission'] },
    { id: 'p7', offsetDays: 7, timeOfDay: '09:00', recipientRoles: ['secretariat'] },
  ];

  it('writes one row per rule and role, in time order', () => {
    const rows = planReminders('2026-06-30', NY, ladder, new Date('2026-05-01T12:00:00Z'));
    expect(rows.map((r) => `${r.ruleId}:${r.recipientRole}:${r.status}`)).toEqual([
      'r30:focal_point:planned',
      'r7:focal_point:planned',
      'r1:focal_point:planned',
      'r1:contributors:planned',
      'p1:focal_point:planned',
      'p1:permanent_mission:planned',
      'p7:secretariat:planned',
    ]);
    expect(rows[0].plannedAt.toISOString()).toBe('2026-05-31T13:00:00.000Z');
  });

  it('supersedes rules whose moment has passed instead of sending them late', () => {
    // Created (or extended) 5 days before the due date: −30 and −7 are already behind.
    const rows = planReminders('2026-06-30', NY, ladder, new Date('2026-06-25T12:00:00Z'));
    const byRule = Object.fromEntries(
      rows.map((r) => [`${r.ruleId}:${r.recipientRole}`, `${r.status}${r.reason ? `/${r.reason}` : ''}`]),
    );
    expect(byRule).toMatchObject({
      'r30:focal_point': 'superseded/passed',
      'r7:focal_point': 'superseded/passed',
      'r1:focal_point': 'planned',
      'p7:secretariat': 'planned',
    });
  });

  it('treats the exact planned instant as passed (it would be sent by nobody)', () => {
    const at = ruleInstant('2026-06-30', -7, '09:00', NY);
    expect(planReminders('2026-06-30', NY, [ladder[1]], at)[0].status).toBe('superseded');
  });
});
