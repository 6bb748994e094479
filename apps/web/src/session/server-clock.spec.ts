import { clockOffsetFromToken } from './server-clock';

const token = (claims: object): string =>
  ['e30', btoa(JSON.stringify(claims)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'), 'sig'].join('.');

describe("the api's clock, read from an access token", () => {
  it("is the token's issue time minus the moment it arrived", () => {
    const received = Date.parse('2026-12-06T17:00:00.500Z');
    const tenDaysOn = Date.parse('2026-12-16T17:00:00Z') / 1000;
    expect(clockOffsetFromToken(token({ sub: 'x', iat: tenDaysOn }), received)).toBe(10 * 86_400_000 - 500);
  });

  it('is no offset when the token has no readable issue time', () => {
    expect(clockOffsetFromToken('not-a-jwt', 0)).toBe(0);
    expect(clockOffsetFromToken('a.!!!.c', 0)).toBe(0);
    expect(clockOffsetFromToken(token({ iat: 'yesterday' }), 0)).toBe(0);
  });
});
