import { daysLate, deadlineInstant, formatDueDate, formatLocalTime } from './deadline';

describe("a deadline's time", () => {
  it('falls at the end of its due day in its own zone, DST included', () => {
    expect(deadlineInstant('2027-04-30', 'America/New_York').toISOString()).toBe('2027-05-01T04:00:00.000Z');
    expect(deadlineInstant('2027-01-31', 'America/New_York').toISOString()).toBe('2027-02-01T05:00:00.000Z');
    expect(deadlineInstant('2027-03-13', 'America/New_York').toISOString()).toBe('2027-03-14T05:00:00.000Z');
    expect(deadlineInstant('2027-04-30', 'America/Argentina/Buenos_Aires').toISOString()).toBe(
      '2027-05-01T03:00:00.000Z',
    );
    expect(deadlineInstant('2027-04-30', 'UTC').toISOString()).toBe('2027-05-01T00:00:00.000Z');
  });

  it('is late by whole days counted in its zone, never before the due day has ended', () => {
    const zone = 'America/New_York';
    expect(daysLate('2027-04-30', zone, new Date('2027-05-01T03:59:00Z'))).toBe(0);
    expect(daysLate('2027-04-30', zone, new Date('2027-05-01T04:00:00Z'))).toBe(1);
    expect(daysLate('2027-04-30', zone, new Date('2027-05-13T12:00:00Z'))).toBe(13);
    expect(daysLate('2027-04-30', zone, new Date('2027-03-01T12:00:00Z'))).toBe(0);
  });

  it("is shown in the reader's language: the due day, and the reader's own time", () => {
    expect(formatDueDate('2027-04-30', 'es')).toBe('30 de abril de 2027');
    expect(formatDueDate('2027-04-30', 'en')).toBe('April 30, 2027');
    const instant = deadlineInstant('2027-04-30', 'America/New_York');
    expect(formatLocalTime(instant, 'fr', 'Europe/Paris')).toBe('1 mai 2027 à 06:00 UTC+2');
  });
});
