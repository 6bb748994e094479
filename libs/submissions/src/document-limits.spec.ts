import { DomainError } from '@mesecvi/errors';
import { checkDocumentShape, checkDocumentShapeJson } from './document-limits';

const limits = { maxBytes: 2000, maxDepth: 5, maxArrayItems: 10 };
const failure = (doc: unknown): DomainError => {
  try {
    checkDocumentShape(doc, limits);
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('answers document limits (checked before validation)', () => {
  it('accepts a plain document and returns its size', () => {
    expect(checkDocumentShape({ 'LEG-01': { answer: 'no' } }, limits)).toBe(26);
    expect(checkDocumentShape({ 'LEG-01': { comment: 'ñ'.repeat(700) } }, limits)).toBe(1425);
    expect(checkDocumentShapeJson({ 'LEG-01': { answer: 'no' } }, limits)).toBe('{"LEG-01":{"answer":"no"}}');
  });

  it('refuses a number too large for a double (JSON would write it back as null), wherever it sits', () => {
    expect(failure(JSON.parse('{"a":{"b":[1,1e400]}}'))).toMatchObject({
      status: 422,
      options: { errors: [{ keyword: 'maximum', pointer: '/a/b/1' }] },
    });
    expect(failure(JSON.parse('{"a":-1e999}'))).toMatchObject({
      status: 422,
      options: { errors: [{ pointer: '/a' }] },
    });
    expect(checkDocumentShape(JSON.parse('{"a":1.7976931348623157e308}'), limits)).toBeGreaterThan(0);
  });

  it('refuses a non-object, deep nesting, long arrays, prototype keys and oversize, each with its code', () => {
    expect(failure([1]).status).toBe(422);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep }; // deep enough to overflow a recursive walk
    expect(failure(deep)).toMatchObject({
      status: 422,
      options: { errors: [{ keyword: 'maxDepth', pointer: '/a/a/a/a/a' }] },
    });
    expect(failure({ x: Array.from({ length: 11 }, () => 0) })).toMatchObject({
      status: 422,
      options: { errors: [{ keyword: 'maxItems', pointer: '/x' }] },
    });
    expect(failure(JSON.parse('{"a":{"__proto__":{"polluted":true}}}'))).toMatchObject({
      status: 400,
      options: { errors: [{ pointer: '/a/__proto__' }] },
    });
    expect(failure({ a: [{ constructor: { prototype: 1 } }] })).toMatchObject({ status: 400 });
    expect(failure({ a: 'x'.repeat(3000) }).status).toBe(413);
    expect(failure({ a: 'ñ'.repeat(1000) })).toMatchObject({
      status: 413,
      message: expect.stringContaining('2008 bytes'),
    });
    expect(failure({ x: [{ 'a/b': Array.from({ length: 11 }, () => 0) }] })).toMatchObject({
      options: { errors: [{ keyword: 'maxItems', pointer: '/x/0/a~1b' }] },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
