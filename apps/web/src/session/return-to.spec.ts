import { safeReturnTo, signInFor, SIGNED_IN_HOME } from './return-to';

describe('the page to return to after signing in', () => {
  it.each([
    ['/app', '/app'],
    ['/app/evaluations/5c0e9d7e', '/app/evaluations/5c0e9d7e'],
    ['/app/rounds?phase=open#top', '/app/rounds?phase=open#top'],
    ['/app/evaluations?q=a%26b', '/app/evaluations?q=a%26b'],
  ])('keeps a path of the signed-in app: %s', (raw, expected) => {
    expect(safeReturnTo(raw)).toBe(expected);
  });

  it.each([
    null,
    '',
    '//evil.example',
    '//evil.example/app',
    'https://evil.example',
    'https://evil.example/app',
    'http:/evil.example/app',
    '/\\evil.example',
    '/app\\..\\..\\evil',
    '/\t/evil.example',
    '%2F%2Fevil.example',
    '%252F%252Fevil.example',
    '/%2F/evil.example',
    '%2F%5Cevil.example',
    'javascript:alert(1)',
    '/application',
    '/apps/x',
    '/app/../account/invitation/x',
    '/sign-in',
    '/',
    '/evaluations/1',
    '%E0%A4%A',
    '%2Fapp%2Fevaluations%2F1',
  ])('refuses %p and lands on the signed-in home', (raw) => {
    expect(safeReturnTo(raw)).toBe(SIGNED_IN_HOME);
  });

  it('the sign-in address carries the page, encoded, and never a foreign one', () => {
    expect(signInFor('/app/evaluations/1?tab=2')).toBe('/sign-in?returnTo=%2Fapp%2Fevaluations%2F1%3Ftab%3D2');
    expect(signInFor('//evil.example')).toBe('/sign-in?returnTo=%2Fapp');
  });
});
