import { rebase, resolveConflict, valueAt, withheld } from './pending';

describe('rebasing pending answers on a draft someone else saved', () => {
  const base = { A: { answer: 'yes' }, B: { answer: 'no' } };

  it('takes their changes to other items and keeps hers, without a conflict', () => {
    const local = { ...base, A: { answer: 'no' } };
    const server = { ...base, B: { answer: 'yes' }, C: { comment: 'theirs' } };
    const rebased = rebase(base, local, server);
    expect(rebased.conflicts).toEqual([]);
    expect(rebased.base).toBe(server);
    expect(rebased.local).toEqual({ A: { answer: 'no' }, B: { answer: 'yes' }, C: { comment: 'theirs' } });
  });

  it('keeps an answer she removed removed', () => {
    const rebased = rebase(base, { B: base.B }, { ...base, C: { x: 1 } });
    expect(rebased.local).toEqual({ B: base.B, C: { x: 1 } });
  });

  it('finds a conflict only when both changed the same item to different answers', () => {
    const local = { ...base, A: { answer: 'no' } };
    expect(rebase(base, local, { ...base, A: { answer: 'no' } }).conflicts).toEqual([]);
    const rebased = rebase(base, local, { ...base, A: { answer: 'partially' } });
    expect(rebased.conflicts).toEqual([{ itemId: 'A', mine: { answer: 'no' }, theirs: { answer: 'partially' } }]);
    expect(rebased.local.A).toEqual({ answer: 'no' });
    expect(resolveConflict(rebased.local, rebased.conflicts[0], 'theirs').A).toEqual({ answer: 'partially' });
    expect(resolveConflict(rebased.local, rebased.conflicts[0], 'mine').A).toEqual({ answer: 'no' });
  });
});

describe('holding back a refused field', () => {
  const base = { A: { answer: 'yes', citations: [{ name: 'Law' }] } };
  const local = { A: { answer: 'no', citations: [{ name: 'Law', url: 'htt' }] }, B: { percentage: 140 } };

  it('puts the server value back (or leaves the field out) and keeps every other change', () => {
    const sent = withheld(local, base, ['/A/citations/0/url', '/B/percentage']);
    expect(sent).toEqual({ A: { answer: 'no', citations: [{ name: 'Law' }] }, B: {} });
    expect(local.A.citations[0].url).toBe('htt');
  });

  it('reads RFC 6901 pointers, escapes included', () => {
    expect(valueAt({ 'a/b': { '~c': [5] } }, '/a~1b/~0c/0')).toBe(5);
    expect(valueAt(local, '/A/missing/0')).toBeUndefined();
  });
});
