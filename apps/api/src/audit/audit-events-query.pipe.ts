import { Injectable, type PipeTransform } from '@nestjs/common';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { DomainError, type FieldProblem } from '@mesecvi/errors';
import { toFieldProblem } from '@mesecvi/http';
import {
  AUDIT_EVENTS_DEFAULT_LIMIT,
  AUDIT_QUERY_MESSAGES,
  auditEventsQuerySchema,
  type AuditEventsQuery,
  type AuditEventsRawQuery,
} from './audit-events.query';

// Query values are strings: coerce `limit` to a number. A repeated parameter arrives as an
// array and fails its `type: string` check (no array coercion), which is what we want.
const ajv = new Ajv({ allErrors: true, strict: true, coerceTypes: true, useDefaults: true });
addFormats(ajv);
const validate = ajv.compile<AuditEventsRawQuery>(auditEventsQuerySchema);

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
    const query: unknown = { ...(value as object) }; // Ajv's defaults and coercion write into it
    if (!validate(query)) throw invalid(problemsOf((validate.errors ?? []).map(toFieldProblem)));
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
