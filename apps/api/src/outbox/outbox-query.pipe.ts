import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError, type FieldProblem } from '@mesecvi/errors';
import { compileQuery } from '@mesecvi/http';
import { OUTBOX_DEFAULT_LIMIT, OUTBOX_QUERY_MESSAGES, outboxQuerySchema, type OutboxQuery } from './outbox.query';

// A repeated parameter arrives as an array and fails its `type: string` check (no array
// coercion), which is what we want.
const validate = compileQuery(outboxQuerySchema);

const messageFor = (name: string): string | undefined =>
  Object.prototype.hasOwnProperty.call(OUTBOX_QUERY_MESSAGES, name)
    ? OUTBOX_QUERY_MESSAGES[name as keyof typeof OUTBOX_QUERY_MESSAGES]
    : undefined;

/** One problem per parameter, however many schema keywords (e.g. both `anyOf` branches) failed. */
function problemsOf(errors: FieldProblem[]): FieldProblem[] {
  const byPointer = new Map<string, FieldProblem>();
  for (const e of errors) {
    const name = e.pointer.replace(/^\//, '').split('/')[0];
    if (!byPointer.has(`/${name}`))
      byPointer.set(`/${name}`, { pointer: `/${name}`, keyword: e.keyword, message: messageFor(name) ?? e.message });
  }
  return [...byPointer.values()];
}

const invalid = (errors: FieldProblem[]): DomainError =>
  new DomainError(
    'validation_failed',
    `The query parameters are not valid: ${errors.map((e) => e.pointer.slice(1)).join(', ')}.`,
    { errors },
  );

/** Validates and converts the query of `GET /outbox`; bad values answer 422 naming the parameter. */
@Injectable()
export class OutboxQueryPipe implements PipeTransform<unknown, OutboxQuery> {
  transform(value: unknown): OutboxQuery {
    const result = validate(value);
    if (result.errors) throw invalid(problemsOf(result.errors));
    const { query } = result;
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (from && to && from.getTime() > to.getTime()) {
      throw invalid([{ pointer: '/to', keyword: 'range', message: 'to must not be before from' }]);
    }
    return {
      kind: query.kind,
      recipient: query.recipient,
      stateCode: query.stateCode,
      roundId: query.roundId,
      status: query.status,
      from,
      to,
      limit: query.limit ?? OUTBOX_DEFAULT_LIMIT,
      cursor: query.cursor,
    };
  }
}
