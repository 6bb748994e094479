import { DomainError } from '@mesecvi/errors';
import { checkPastDue } from './past-due';

const TZ = 'America/New_York';
// 02:00 UTC on 10 March is still 9 March in New York.
const now = new Date('2027-03-10T02:00:00Z');

describe('checkPastDue', () => {
  it('takes today and later in the mechanism time zone', () => {
    expect(checkPastDue('/dueDate', '2027-03-09', now, TZ, undefined)).toBe(false);
    expect(checkPastDue('/dueDate', '2027-04-01', now, TZ, undefined)).toBe(false);
  });

  it('refuses a day before today with a 422 naming the field and the rule', () => {
    try {
      checkPastDue('/responseDueDate', '2027-03-08', now, TZ, false);
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('validation_failed');
      expect((e as DomainError).options.extensions).toEqual({ rule: 'due_date_in_past' });
      expect((e as DomainError).options.errors?.[0]?.pointer).toBe('/responseDueDate');
    }
  });

  it('takes a past day the request confirms, and says so', () => {
    expect(checkPastDue('/dueDate', '2020-01-31', now, TZ, true)).toBe(true);
  });
});
