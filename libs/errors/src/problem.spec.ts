import { buildProblem } from './problem';
import { DomainError } from './domain-error';
import { toProblem } from './to-problem';

describe('problem documents', () => {
  it('carries extensions but never lets them overwrite type, title, status or code', () => {
    const problem = buildProblem('conflict', 'The evaluation is submitted.', {
      status: 'submitted',
      code: 'x',
      rule: 'status_allows',
    });
    expect(problem).toMatchObject({
      status: 409,
      code: 'conflict',
      type: 'urn:mesecvi:problem:conflict',
      rule: 'status_allows',
    });
  });

  it('maps a domain error with a `status` extension to its own HTTP status', () => {
    const { problem } = toProblem(new DomainError('conflict', 'no', { extensions: { status: 'submitted' } }), '/x');
    expect(problem.status).toBe(409);
  });
});
