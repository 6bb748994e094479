import { hashToken, newSecretToken, successorToken } from './secret-token';

describe('successorToken', () => {
  it('gives the same next token for the same previous token and key, and its hash', () => {
    const { token: previous } = newSecretToken();
    const first = successorToken(previous, 'key-one');
    expect(successorToken(previous, 'key-one')).toEqual(first);
    expect(first.hash).toBe(hashToken(first.token));
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('differs from the previous token, between previous tokens, and between keys', () => {
    const { token: previous } = newSecretToken();
    const next = successorToken(previous, 'key-one').token;
    expect(next).not.toBe(previous);
    expect(successorToken(newSecretToken().token, 'key-one').token).not.toBe(next);
    expect(successorToken(previous, 'key-two').token).not.toBe(next);
  });
});
