import { toProblem } from './to-problem';
import { isUnstorableText } from './unstorable-text';

describe('text PostgreSQL cannot store → 400', () => {
  it.each([
    [
      'a NUL byte in a text parameter (22021)',
      Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }),
    ],
    [
      'a \\u0000 in jsonb, inside a TypeORM QueryFailedError (22P05)',
      Object.assign(new Error('unsupported Unicode escape sequence'), {
        driverError: Object.assign(new Error('\\u0000 cannot be converted to text.'), { code: '22P05' }),
      }),
    ],
  ])('answers %s with a 400 naming the rule', (_, error) => {
    expect(isUnstorableText(error)).toBe(true);
    const { problem, errorId } = toProblem(error, '/x');
    expect(problem).toMatchObject({
      status: 400,
      code: 'bad_request',
      detail: 'Text may not contain the NUL character (U+0000).',
    });
    expect(errorId).toBeUndefined();
  });

  it('leaves other database errors alone (a bug stays a 500)', () => {
    const error = Object.assign(new Error('column "x" does not exist'), { code: '42703' });
    expect(isUnstorableText(error)).toBe(false);
    expect(toProblem(error, '/x').problem.status).toBe(500);
  });
});
