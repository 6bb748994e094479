import { addYears, daysBetween, localDate } from './calendar';
import {
  assertConsecutiveTerms,
  assertElection,
  assertNoOverlap,
  assertReplaces,
  assertTerm,
} from './appointment-rules';

const rule = (fn: () => void): unknown => {
  try {
    fn();
  } catch (e) {
    const err = e as { status: number; options: { extensions?: { rule?: string } } };
    return [err.status, err.options.extensions?.rule];
  }
  return 'ok';
};

describe('appointment rules', () => {
  it('refuses a term that ends before it starts (422)', () => {
    expect(rule(() => assertTerm('2026-01-10', '2026-01-09'))).toEqual([422, 'end_after_start']);
    expect(rule(() => assertTerm('2026-01-10', '2026-01-10'))).toBe('ok');
    expect(rule(() => assertTerm('2026-01-10', null))).toBe('ok');
  });

  it('makes a new holder name the active one it replaces, and only that one (409)', () => {
    const current = { id: 'a1', termStart: '2025-01-01' };
    expect(rule(() => assertReplaces('titular', 'ARG', current, undefined))).toEqual([409, 'replaces_mismatch']);
    expect(rule(() => assertReplaces('titular', 'ARG', current, 'other'))).toEqual([409, 'replaces_mismatch']);
    expect(rule(() => assertReplaces('titular', 'ARG', current, 'a1'))).toBe('ok');
    expect(rule(() => assertReplaces('titular', 'ARG', null, 'a1'))).toEqual([409, 'replaces_mismatch']);
    expect(rule(() => assertReplaces('titular', 'ARG', null, null))).toBe('ok');
  });

  it('refuses overlapping terms of one seat (409)', () => {
    expect(rule(() => assertNoOverlap('2024-12-31', { id: 'a1', termStart: '2025-01-01' }, null))).toEqual([
      409,
      'overlapping_terms',
    ]);
    expect(rule(() => assertNoOverlap('2025-01-01', { id: 'a1', termStart: '2025-01-01' }, null))).toBe('ok');
    expect(rule(() => assertNoOverlap('2025-05-01', null, '2025-06-01'))).toEqual([409, 'overlapping_terms']);
    expect(rule(() => assertNoOverlap('2025-06-01', null, '2025-06-01'))).toBe('ok');
  });

  it('allows re-election once and refuses a third consecutive term', () => {
    const term = (expertUserId: string, termStart: string) => ({ expertUserId, termStart });
    expect(rule(() => assertConsecutiveTerms('x', []))).toBe('ok');
    expect(rule(() => assertConsecutiveTerms('x', [term('x', '2024-01-01')]))).toBe('ok');
    expect(rule(() => assertConsecutiveTerms('x', [term('x', '2022-01-01'), term('x', '2024-01-01')]))).toEqual([
      409,
      'third_consecutive_term',
    ]);
    // Someone else in between breaks the run.
    expect(
      rule(() =>
        assertConsecutiveTerms('x', [term('x', '2020-01-01'), term('y', '2022-01-01'), term('x', '2024-01-01')]),
      ),
    ).toBe('ok');
  });

  it('checks the election method and its counts', () => {
    expect(rule(() => assertElection('consensus', {}))).toBe('ok');
    expect(rule(() => assertElection('consensus', { votesFor: 3 }))).toEqual([422, 'consensus_without_counts']);
    expect(rule(() => assertElection('vote', { votesFor: 20 }))).toEqual([422, 'vote_counts_required']);
    expect(rule(() => assertElection('vote', { votesFor: 10, votesAgainst: 10 }))).toEqual([422, 'simple_majority']);
    expect(rule(() => assertElection('vote', { votesFor: 18, votesAgainst: 10, abstentions: 2 }))).toBe('ok');
  });

  it('counts calendar days in the mechanism time zone', () => {
    // 02:00 UTC on 1 March is still 28 February in New York.
    expect(localDate(new Date('2026-03-01T02:00:00Z'), 'America/New_York')).toBe('2026-02-28');
    expect(daysBetween('2026-02-28', '2026-03-02')).toBe(2);
    expect(addYears('2024-02-29', 2)).toBe('2026-02-28');
    expect(addYears('2026-06-15', 2)).toBe('2028-06-15');
  });
});

describe('roster CSV cells', () => {
  it('quotes separators and neutralises formulas', () => {
    const { csvCell } = jest.requireActual<typeof import('./committee-roster.service')>('./committee-roster.service');
    expect(csvCell('Ana')).toBe('Ana');
    expect(csvCell(null)).toBe('');
    expect(csvCell('Pérez, Ana')).toBe('"Pérez, Ana"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1 202')).toBe(`"'+1 202"`);
  });
});
