import { canonicalJson, contentHash } from './canonical-json';

describe('canonical JSON', () => {
  it('does not depend on key order (jsonb reorders keys), only on content', () => {
    const a = { b: 1, a: [{ y: 2, x: 1 }], c: 'é' };
    const b = { c: 'é', a: [{ x: 1, y: 2 }], b: 1 };
    expect(canonicalJson(a)).toBe('{"a":[{"x":1,"y":2}],"b":1,"c":"é"}');
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash({ a: [1, 2] })).not.toBe(contentHash({ a: [2, 1] }));
  });
});
