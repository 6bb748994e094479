import { ApiError, type Problem } from '../errors/api-error';
import { refusalErrors, validateSignIn } from './sign-in-errors';

const problem = (status: number, code: Problem['code'], extra: Partial<Problem> = {}): Problem => ({
  type: 'about:blank',
  title: 'English title',
  status,
  code,
  detail: 'An English detail no one reads',
  ...extra,
});

describe('errors of the sign-in form', () => {
  it('are found before asking the api: missing and malformed address, missing password', () => {
    expect(validateSignIn('', '', ['email', 'password'])).toEqual([
      { key: 'signIn.emailRequired', field: 'email' },
      { key: 'signIn.passwordRequired', field: 'password' },
    ]);
    expect(validateSignIn('maria at gob.ar', 'x', ['email', 'password'])).toEqual([
      { key: 'signIn.emailInvalid', field: 'email' },
    ]);
    expect(validateSignIn(' maria@gob.ar ', 'x', ['email', 'password'])).toEqual([]);
    expect(validateSignIn('maria@gob.ar', '', ['email'])).toEqual([]);
  });

  it('map the api refusals to catalogue sentences by code and rule, throttling with its wait', () => {
    expect(refusalErrors(new ApiError(401, problem(401, 'unauthenticated'), 'r'))).toEqual([
      { key: 'signIn.invalidCredentials' },
    ]);
    const throttled = new ApiError(429, problem(429, 'too_many_requests', { rule: 'login_throttle' }), 'r', 42);
    expect(refusalErrors(throttled)).toEqual([{ key: 'signIn.throttled', params: { seconds: '42' } }]);
    const sprayed = new ApiError(429, problem(429, 'too_many_requests', { rule: 'login_address_throttle' }), 'r', 9);
    expect(refusalErrors(sprayed)).toEqual([{ key: 'signIn.addressThrottled', params: { seconds: '9' } }]);
    expect(refusalErrors(new ApiError(429, problem(429, 'too_many_requests'), 'r'))).toEqual([
      { key: 'problem.tooMany' },
    ]);
    const invalid = problem(422, 'validation_failed', {
      errors: [{ pointer: '/email', message: 'must match format' }],
    });
    expect(refusalErrors(new ApiError(422, invalid, 'r'))).toEqual([{ key: 'signIn.emailInvalid', field: 'email' }]);
    expect(refusalErrors(new ApiError(0, undefined, undefined))).toEqual([{ key: 'problem.unreachable' }]);
  });
});
