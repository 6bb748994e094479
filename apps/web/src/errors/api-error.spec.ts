import { ApiError, call, isTransient, PAGE_FAULT } from './api-error';
import { problemMessageKey } from './problem-message';

const answer = (status: number, body: object, headers: Record<string, string> = {}) => ({
  error: body,
  response: new Response(JSON.stringify(body), { status, headers }),
});

describe('a failed api call', () => {
  it('carries the problem, the request id to quote and Retry-After', async () => {
    const failure = call(
      Promise.resolve(
        answer(
          429,
          {
            type: 'about:blank',
            title: 'Too Many Requests',
            status: 429,
            code: 'too_many_requests',
            rule: 'login_throttle',
          },
          { 'x-request-id': 'req-42', 'retry-after': '30' },
        ),
      ),
    );
    await expect(failure).rejects.toMatchObject({ status: 429, requestId: 'req-42', retryAfterSeconds: 30 });
    await expect(failure).rejects.toMatchObject({ problem: { rule: 'login_throttle' } });
  });

  it('that never reached the api is status 0 and worth retrying; a refusal is not', async () => {
    const unreachable = await call(Promise.reject(new TypeError('Failed to fetch'))).catch((e: unknown) => e);
    expect(unreachable).toBeInstanceOf(ApiError);
    expect(isTransient(unreachable)).toBe(true);
    expect(isTransient(new ApiError(503, undefined, 'r'))).toBe(true);
    expect(isTransient(new ApiError(404, undefined, 'r'))).toBe(false);
    expect(isTransient(new Error('a bug in the page'))).toBe(false);
  });

  it('reads as a catalogue sentence chosen by its code, never its English detail', () => {
    const problem = (code: 'not_found' | 'conflict') => ({
      type: 'x',
      title: 'x',
      status: 404,
      code,
      detail: 'English',
    });
    expect(problemMessageKey(new ApiError(404, problem('not_found'), 'r'))).toBe('problem.notFound');
    expect(problemMessageKey(new ApiError(409, problem('conflict'), 'r'))).toBe('problem.conflict');
    expect(problemMessageKey(new ApiError(0, undefined, undefined))).toBe('problem.unreachable');
    expect(problemMessageKey(new ApiError(502, undefined, undefined))).toBe('problem.unavailable');
    expect(problemMessageKey(new ApiError(PAGE_FAULT, undefined, undefined))).toBe('problem.internal');
    expect(problemMessageKey(new TypeError('x'))).toBe('problem.internal');
  });
});
