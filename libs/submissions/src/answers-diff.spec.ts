import { diffAnswers } from './answers-diff';

describe('diff of two submitted versions', () => {
  it('lists added, removed and changed leaves by JSON pointer, with the item label', () => {
    const before = { 'LEG-01': { answer: 'no' }, 'BUD-01': { amount: 1, rows: [1, 2] }, 'OLD-01': 'x' };
    const after = { 'LEG-01': { answer: 'yes', citations: ['a'] }, 'BUD-01': { amount: 1, rows: [1] }, 'a/b': true };
    const labels: Record<string, string> = { 'LEG-01': 'Comprehensive law', 'BUD-01': 'Budget' };
    expect(diffAnswers(before, after, (id) => labels[id] ?? null)).toEqual([
      { pointer: '/BUD-01/rows/1', change: 'removed', label: 'Budget', before: 2 },
      { pointer: '/LEG-01/answer', change: 'changed', label: 'Comprehensive law', before: 'no', after: 'yes' },
      { pointer: '/LEG-01/citations', change: 'added', label: 'Comprehensive law', after: ['a'] },
      { pointer: '/OLD-01', change: 'removed', label: null, before: 'x' },
      { pointer: '/a~1b', change: 'added', label: null, after: true },
    ]);
    expect(diffAnswers(before, before, () => null)).toEqual([]);
  });
});
