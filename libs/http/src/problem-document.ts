import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_SCHEMA, PROBLEM_SCHEMA_NAME, problemResponse, type ProblemResponse } from './problem-schema';

type Operation = {
  security?: Array<Record<string, string[]>>;
  requestBody?: unknown;
  parameters?: Array<{ in?: string }>;
  responses?: Record<string, unknown>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/** The errors any operation can answer, by what the operation is: declared here once. */
function globalProblems(operation: Operation): Record<string, ProblemResponse> {
  const problems: Record<string, ProblemResponse> = {
    400: problemResponse(400, [], 'Malformed JSON, a forbidden key (`__proto__`) or an unreadable request.'),
    429: problemResponse(429, [], 'Too many requests from this client or account; see Retry-After.'),
    500: problemResponse(500),
    503: problemResponse(503, [], 'PostgreSQL or Redis is not answering; see Retry-After.'),
  };
  if ((operation.security ?? []).length > 0) {
    problems[401] = problemResponse(401, [], 'No valid access token was sent, or the session has ended.');
    problems[403] = problemResponse(403, [], 'The caller’s role or scope does not allow this.');
  }
  if (operation.requestBody) {
    problems[413] = problemResponse(413);
    problems[415] = problemResponse(415);
  }
  // Bodies and query strings are validated against their schemas before the route runs.
  if (operation.requestBody || (operation.parameters ?? []).some((p) => p.in === 'query'))
    problems[422] = problemResponse(
      422,
      [],
      'The body or a query parameter breaks its schema; `errors` names each field.',
    );
  return problems;
}

/**
 * Adds the Problem schema and, to every operation, the problem responses any route can give;
 * a response an operation declares itself (`@ApiProblems`) is kept as it is.
 */
export function withProblemResponses(document: OpenAPIObject): OpenAPIObject {
  document.components = document.components ?? {};
  document.components.schemas = {
    ...document.components.schemas,
    [PROBLEM_SCHEMA_NAME]: PROBLEM_SCHEMA,
  };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      // `@Authenticated()` marks bearer security as the controller may already have: listed once.
      if (operation.security)
        operation.security = [...new Map(operation.security.map((s) => [JSON.stringify(s), s])).values()];
      operation.responses = { ...globalProblems(operation), ...operation.responses };
    }
  }
  return document;
}
