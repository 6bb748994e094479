import { shownProblems, toFieldProblem } from './section-problems';

describe('the remaining problems a section shows at its fields', () => {
  const server = { 'LEG-02': { answer: 'yes' }, 'LEG-04': { answer: 'no', comment: 'x' } };
  const remaining = [
    { pointer: '/LEG-02/citations', keyword: 'anyOf' },
    { pointer: '/LEG-03', keyword: 'required' },
  ];

  it('before a refused submit: only those in answered items', () => {
    expect(shownProblems(remaining, server, server, false)).toEqual([{ pointer: '/LEG-02/citations', rule: 'anyOf' }]);
  });

  it('after a refused submit: every one, the empty question too', () => {
    expect(shownProblems(remaining, server, server, true).map((p) => p.pointer)).toEqual([
      '/LEG-02/citations',
      '/LEG-03',
    ]);
  });

  it('not one whose value the person changed since the draft was read (the next save tells)', () => {
    const local = { ...server, 'LEG-02': { answer: 'yes', citations: [{ name: 'Loi' }] }, 'LEG-03': { answer: 'no' } };
    expect(shownProblems(remaining, server, local, true)).toEqual([]);
  });

  it('an empty item the form filled in (`{}`) is still the empty answer the problem is about', () => {
    expect(shownProblems(remaining, server, { ...server, 'LEG-03': {} }, true).map((p) => p.pointer)).toContain(
      '/LEG-03',
    );
  });

  it('names the rule the api gave, or "other"', () => {
    expect(toFieldProblem({ pointer: '/A' })).toEqual({ pointer: '/A', rule: 'other' });
  });
});
