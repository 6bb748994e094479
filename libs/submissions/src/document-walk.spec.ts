import { walkDocument } from './document-walk';
import { evidenceReferences } from './evidence-references';

describe('walkDocument', () => {
  it('visits every object and array with its depth and pointer, and every entry', () => {
    const containers: string[] = [];
    const entries: string[] = [];
    walkDocument(
      { a: { 'b/c': [1, { '~d': true }] }, e: 'x' },
      {
        container: (_node, place, depth, places) => containers.push(`${places.pointer(place)}@${depth}`),
        entry: (value, key, place, places) => {
          entries.push(`${places.pointer(place, key)}=${typeof value}`);
        },
      },
    );
    expect(containers.sort()).toEqual(['/a/b~1c/1@4', '/a/b~1c@3', '/a@2', '@1']);
    expect(entries.sort()).toEqual([
      '/a/b~1c/0=number',
      '/a/b~1c/1/~0d=boolean',
      '/a/b~1c/1=object',
      '/a/b~1c=object',
      '/a=object',
      '/e=string',
    ]);
  });

  it('does not go into an entry its visitor declines, and ignores inherited keys', () => {
    const seen: string[] = [];
    const doc = Object.assign(Object.create({ inherited: { x: 1 } }) as object, {
      skip: { inner: 1 },
      keep: { inner: 2 },
    });
    walkDocument(doc, {
      entry: (_value, key, place, places) => {
        seen.push(places.pointer(place, key));
        return key !== 'skip';
      },
    });
    expect(seen.sort()).toEqual(['/keep', '/keep/inner', '/skip']);
  });

  it('walks a document nested far deeper than the call stack allows', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    let maxDepth = 0;
    walkDocument(deep as object, { container: (_n, _p, depth) => void (maxDepth = Math.max(maxDepth, depth)) });
    expect(maxDepth).toBe(100_000);
  });
});

describe('evidenceReferences', () => {
  it('finds every cited attachment with its pointer, sorted, and nothing elsewhere', () => {
    const doc = {
      'LEG-02': { evidence: ['b-id', 7, 'c-id'], comment: 'evidence' },
      'LEG-01': { answer: 'yes', evidence: ['a-id'] },
      'PLAN/1': { rows: [{ evidence: ['d-id'] }, { evidence: 'not-a-list' }] },
    };
    expect(evidenceReferences(doc)).toEqual([
      { pointer: '/LEG-01/evidence/0', attachmentId: 'a-id' },
      { pointer: '/LEG-02/evidence/0', attachmentId: 'b-id' },
      { pointer: '/LEG-02/evidence/2', attachmentId: 'c-id' },
      { pointer: '/PLAN~11/rows/0/evidence/0', attachmentId: 'd-id' },
    ]);
    expect(evidenceReferences({ 'LEG-01': { answer: 'no' } })).toEqual([]);
  });
});
