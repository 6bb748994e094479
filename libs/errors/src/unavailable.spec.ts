import { isBackingServiceUnavailable } from './unavailable';
import { toProblem } from './to-problem';
import { DomainError } from './domain-error';

describe('backing service unavailable → 503', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    [
      'PostgreSQL shutting down (57P01)',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
    [
      'PostgreSQL starting up (57P03)',
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
    ],
    [
      'a TypeORM QueryFailedError around a lost connection',
      Object.assign(new Error('Connection terminated unexpectedly'), {
        driverError: new Error('Connection terminated unexpectedly'),
      }),
    ],
    ['a pool that cannot hand out a connection', new Error('timeout exceeded when trying to connect')],
    ['ioredis while disconnected', new Error("Stream isn't writeable and enableOfflineQueue options is false")],
    ['a cause chain', new Error('outer', { cause: Object.assign(new Error('inner'), { code: 'ECONNRESET' }) })],
    [
      'a transaction whose connection died (TypeORM released its query runner)',
      Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), {
        name: 'QueryRunnerAlreadyReleasedError',
      }),
    ],
    [
      'a raw query of a transaction whose connection died (TypeORM released the runner it was given)',
      Object.assign(
        new Error(
          'Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.',
        ),
        { name: 'QueryRunnerProviderAlreadyReleasedError' },
      ),
    ],
  ])('recognises %s', (_, error) => {
    expect(isBackingServiceUnavailable(error)).toBe(true);
    const { problem, headers, errorId } = toProblem(error, '/x');
    expect(problem).toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(headers['retry-after']).toBe('5');
    expect(errorId).toBeUndefined();
  });

  it.each([
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['bad SQL input (22P02)', Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' })],
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a domain error', new DomainError('not_found', 'x')],
    ['not an error', 'text'],
  ])('leaves %s alone', (_, error) => {
    expect(isBackingServiceUnavailable(error)).toBe(false);
  });
});
