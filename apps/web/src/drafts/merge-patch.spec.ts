import { answersOf, applyMergePatch, jsonEqual, mergePatchOf } from './merge-patch';

describe('the merge patch an autosave sends', () => {
  const base = {
    'LEG-01': { answer: 'yes', citations: [{ name: 'Law 1', url: 'https://a.example' }, { name: 'Law 2' }] },
    'LEG-02': { answer: 'no', comment: 'A note' },
    'NAT-01': { percentage: 12 },
  };

  it('names only the items and fields that changed', () => {
    const target = { ...base, 'LEG-02': { answer: 'yes', comment: 'A note' } };
    expect(mergePatchOf(base, target)).toEqual({ 'LEG-02': { answer: 'yes' } });
    expect(mergePatchOf(base, structuredClone(base))).toBeUndefined();
  });

  it('sends null for a cleared field and a removed answer, so they stay gone', () => {
    const target = { 'LEG-01': base['LEG-01'], 'LEG-02': { answer: 'no', comment: undefined } };
    const patch = mergePatchOf(base, target);
    expect(patch).toEqual({ 'LEG-02': { comment: null }, 'NAT-01': null });
    expect(applyMergePatch(base, patch)).toEqual({ 'LEG-01': base['LEG-01'], 'LEG-02': { answer: 'no' } });
  });

  it('sends a changed table whole, so a deleted row is gone after the merge', () => {
    const target = { ...base, 'LEG-01': { answer: 'yes', citations: [{ name: 'Law 2' }] } };
    const patch = mergePatchOf(base, target);
    expect(patch).toEqual({ 'LEG-01': { citations: [{ name: 'Law 2' }] } });
    expect(jsonEqual(applyMergePatch(base, patch), target)).toBe(true);
  });

  it('applied to the base, always gives the target (undefined members left out)', () => {
    const target = { 'LEG-01': { answer: 'no', citations: [{ name: 'X', url: undefined }] }, 'NEW-01': { a: 1 } };
    const patch = mergePatchOf(base, target);
    expect(JSON.parse(JSON.stringify(patch))).toEqual(patch);
    expect(jsonEqual(applyMergePatch(base, patch), target)).toBe(true);
  });

  it('compares JSON without regard to key order', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
  });
});

describe("the form's empty fill-ins", () => {
  it('are no answers: an untouched table, an empty evidence list, empty strings', () => {
    expect(answersOf({ citations: [{}], evidence: [null], comment: '', answer: 'yes' })).toEqual({ answer: 'yes' });
    expect(answersOf({ citations: [{}] })).toBeUndefined();
  });

  it('keep an emptied row among filled ones, so rows keep their numbers', () => {
    expect(answersOf({ citations: [{ name: '' }, { name: 'Law' }] })).toEqual({ citations: [{}, { name: 'Law' }] });
    expect(answersOf({ groups: ['girls', undefined] })).toEqual({ groups: ['girls'] });
    expect(answersOf({ count: 0, flag: false })).toEqual({ count: 0, flag: false });
  });
});
