import { loginDelaySeconds, MAX_LOGIN_DELAY_SECONDS } from './login-delay';

describe('loginDelaySeconds', () => {
  it('lets the first failures pass without a wait', () => {
    expect([1, 2, 3, 4].map((n) => loginDelaySeconds(n, 5))).toEqual([0, 0, 0, 0]);
  });

  it('then doubles from one second with each failure, up to the cap', () => {
    expect([5, 6, 7, 8, 9, 10, 11].map((n) => loginDelaySeconds(n, 5))).toEqual([1, 2, 4, 8, 16, 32, 60]);
    expect(loginDelaySeconds(10_000, 5)).toBe(MAX_LOGIN_DELAY_SECONDS);
  });

  it('waits from the first failure when only one attempt is free', () => {
    expect(loginDelaySeconds(1, 1)).toBe(1);
  });
});
