import type { ComplianceDoc } from './compliance.view';
import { mergeChanged, ParsedRounds, roundView } from './parsed-rounds';

const doc = (id: string, state: string, status = 'invited', dueDate: string | null = null): ComplianceDoc => ({
  evaluationId: id,
  stateCode: state,
  status,
  dueDate,
  deadlineVersion: dueDate ? 1 : null,
  deadlineStatus: dueDate ? 'open' : null,
  timeZone: dueDate ? 'America/New_York' : null,
  extensions: 0,
  submittedAt: null,
  onTime: null,
  daysLate: null,
  remindersSent: 0,
  versions: 0,
  clarifications: 0,
  openClarifications: 0,
  stateName: `name ${state}`,
});

describe('mergeChanged', () => {
  const held = [doc('e1', 'ARG'), doc('e2', 'BRA'), doc('e3', 'CHL')];

  it('replaces the changed rows by evaluation, in place, and leaves the held array alone', () => {
    const merged = mergeChanged(held, [doc('e2', 'BRA', 'submitted')]);
    expect(merged.map((d) => [d.evaluationId, d.status])).toEqual([
      ['e1', 'invited'],
      ['e2', 'submitted'],
      ['e3', 'invited'],
    ]);
    expect(held[1].status).toBe('invited');
    expect(merged).not.toBe(held);
  });

  it('inserts an evaluation new to the round in state order', () => {
    const merged = mergeChanged(held, [doc('e4', 'BOL'), doc('e3', 'CHL', 'drafting'), doc('e5', 'URY')]);
    expect(merged.map((d) => d.stateCode)).toEqual(['ARG', 'BOL', 'BRA', 'CHL', 'URY']);
    expect(merged[3].status).toBe('drafting');
  });

  it('with nothing changed, returns the same rows', () => {
    expect(mergeChanged(held, [])).toEqual(held);
  });

  it('finds an evaluation whose state changed by its id, and keeps state order', () => {
    const merged = mergeChanged(held, [doc('e1', 'URY')]);
    expect(merged.map((d) => [d.evaluationId, d.stateCode])).toEqual([
      ['e2', 'BRA'],
      ['e3', 'CHL'],
      ['e1', 'URY'],
    ]);
  });
});

describe('roundView', () => {
  const round = { id: 'r', name: 'Fourth round', kind: 'evaluation', number: 4, phase: 'open_for_responses' };
  const docs = [doc('e1', 'ARG', 'invited', '2026-11-20'), doc('e2', 'BRA', 'invited', '2026-12-20'), doc('e3', 'CHL')];
  const monday = new Date('2026-11-23T15:00:00Z');

  it('counts days overdue to today in the deadline zone, and totals', () => {
    const view = roundView(docs, round, monday);
    expect(view.rows.map((r) => [r.stateCode, r.timeliness, r.daysOverdue])).toEqual([
      ['ARG', 'overdue', 3],
      ['BRA', 'pending', 0],
      ['CHL', 'pending', null],
    ]);
    expect(view.totals).toMatchObject({ states: 3, overdue: 1, pending: 2 });
  });

  it('is reused whole while the docs, the round and today stay; later the same day too', () => {
    const view = roundView(docs, round, monday);
    expect(roundView(docs, { ...round }, new Date('2026-11-23T20:00:00Z'), view)).toBe(view);
  });

  it('rebuilds only the replaced rows after a merge, and the totals', () => {
    const view = roundView(docs, round, monday);
    const merged = mergeChanged(docs, [doc('e2', 'BRA', 'drafting', '2026-11-01')]);
    const next = roundView(merged, round, monday, view);
    expect(next.rows[0]).toBe(view.rows[0]);
    expect(next.rows[2]).toBe(view.rows[2]);
    expect(next.rows[1]).toMatchObject({
      stateCode: 'BRA',
      status: 'drafting',
      timeliness: 'overdue',
      daysOverdue: 22,
    });
    expect(next.totals).toMatchObject({ overdue: 2, pending: 1 });
  });

  it('rebuilds every row when the day turns in the deadline zone, or the round is renamed', () => {
    const view = roundView(docs, round, monday);
    // 05:00 UTC on the 24th is still the 23rd in New York; 06:00 is not (EST, UTC-5).
    expect(roundView(docs, round, new Date('2026-11-24T04:59:00Z'), view)).toBe(view);
    const nextDay = roundView(docs, round, new Date('2026-11-24T05:00:00Z'), view);
    expect(nextDay.rows[0].daysOverdue).toBe(4);
    expect(nextDay.rows[2]).not.toBe(view.rows[2]);
    const renamed = roundView(docs, { ...round, name: 'IV' }, monday, view);
    expect(renamed.rows.every((r) => r.round.name === 'IV')).toBe(true);
  });
});

describe('ParsedRounds', () => {
  const round = (seq: string) => ({ stamp: 's', seq, docs: [] });

  it('keeps the most recently set rounds, dropping the oldest first', () => {
    const parsed = new ParsedRounds(2);
    parsed.set('a', round('1'));
    parsed.set('b', round('1'));
    parsed.set('a', round('2')); // refreshed: now the newest
    parsed.set('c', round('1'));
    expect(parsed.get('a')?.seq).toBe('2');
    expect(parsed.get('b')).toBeUndefined();
    expect(parsed.get('c')?.seq).toBe('1');
  });
});
