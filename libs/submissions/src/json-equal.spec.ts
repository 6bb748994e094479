import fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { jsonEqual } from './json-equal';

describe('jsonEqual', () => {
  it('weighs members in any order, arrays in order, numbers by value', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: 'x' }] }, JSON.parse('{"b":[1.0,{"c":"x"}],"a":1}'))).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(jsonEqual({ a: null }, { b: null })).toBe(false);
    expect(jsonEqual({}, [])).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual('1', 1)).toBe(false);
  });

  it('agrees with util.isDeepStrictEqual on parsed JSON (2,000 random pairs, half of them equal)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.boolean(), (x, y, same) => {
        const a = JSON.parse(JSON.stringify(x)) as unknown;
        const b = JSON.parse(JSON.stringify(same ? x : y)) as unknown;
        expect(jsonEqual(a, b)).toBe(isDeepStrictEqual(a, b));
      }),
      { numRuns: 2000 },
    );
  });
});
