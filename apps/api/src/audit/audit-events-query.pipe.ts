import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError, type FieldProblem } from '@mesecvi/errors';
import { compileQuery } from '@mesecvi/http';
import {
  AUDIT_EVENTS_DEFAULT_LIMIT,
  AUDIT_QUERY_MESSAGES,
  auditEventsQuerySchema,
  type AuditEventsQuery,
} from './audit-events.query';

// A repeated parameter arrives as an array and fails its `type: string` check (no array
// coercion), which is what we want.
const validate = compileQuery(auditEventsQuerySchema);

const MAX_BIGINT = 9223372036854775807n;

/** One problem per parameter, however many schema keywords (e.g. both `anyOf` branches) failed. */
function problemsOf(errors: FieldProblem[]): FieldProblem[] {
  const byPointer = new Map<string, FieldProblem>();
  for (const e of errors) {
    const name = e.pointer.replace(/^\//, '').split('/')[0];
    const message = AUDIT_QUERY_MESSAGES[name] ?? e.message;
    if (!byPointer.has(`/${name}`)) byPointer.set(`/${name}`, { pointer: `/${name}`, keyword: e.keyword, message });
  }
  return [...byPointer.values()];
}

const invalid = (errors: FieldProblem[]): DomainError =>
  new DomainError('validation_failed', 'The query parameters are not valid.', { errors });

/** Validates and converts the query of `GET /audit-events`; bad values answer 422. */
@Injectable()
export class AuditEventsQueryPipe implements PipeTransform<unknown, AuditEventsQuery> {
  transform(value: unknown): AuditEventsQuery {
    const result = validate(value);
    if (result.errors) throw invalid(problemsOf(result.errors));
    const { query } = result;
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (query.before !== undefined && BigInt(query.before) > MAX_BIGINT) {
      throw invalid([{ pointer: '/before', keyword: 'maximum', message: AUDIT_QUERY_MESSAGES.before }]);
    }
    if (from && to && from.getTime() > to.getTime()) {
      throw invalid([{ pointer: '/to', keyword: 'range', message: 'to must not be before from' }]);
    }
    return {
      filters: {
        entityType: query.entityType,
        entityId: query.entityId,
        actorUserId: query.actorUserId,
        action: query.action,
        from,
        to,
      },
      page: { limit: query.limit ?? AUDIT_EVENTS_DEFAULT_LIMIT, before: query.before },
    };
  }
}
