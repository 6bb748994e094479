import { ApiError } from '../errors/api-error';
import { AttemptKey, randomKey } from './attempt-key';

describe('the Idempotency-Key of an attempt to submit', () => {
  const counter = () => {
    let n = 0;
    return () => `key-${++n}`;
  };

  it('is the same for every retry until the server answers', () => {
    const key = new AttemptKey(counter());
    expect(key.current()).toBe('key-1');
    expect(key.current()).toBe('key-1');
    key.settle(new ApiError(0, undefined, undefined)); // the connection dropped
    expect(key.current()).toBe('key-1');
    key.settle(new ApiError(503, undefined, 'req-1')); // the server could not finish
    expect(key.current()).toBe('key-1');
    key.settle(); // a receipt
    expect(key.current()).toBe('key-2');
  });

  it('is new after the server refused the attempt (problems to correct, a conflict)', () => {
    const key = new AttemptKey(counter());
    key.current();
    key.settle(new ApiError(422, undefined, 'req-2'));
    expect(key.current()).toBe('key-2');
    key.settle(new ApiError(409, undefined, 'req-3'));
    expect(key.current()).toBe('key-3');
  });

  it('draws 128 random bits', () => {
    const a = randomKey();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(randomKey()).not.toBe(a);
  });
});
