import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { CODE_MESSAGES, ERROR_CODES, PROBLEM_CONTENT_TYPE, type ErrorCode, type RuleEntry } from '@mesecvi/errors';

export const PROBLEM_SCHEMA_NAME = 'Problem';
export const PROBLEM_REF = `#/components/schemas/${PROBLEM_SCHEMA_NAME}`;

/**
 * RFC 9457 problem details as the filter sends them. Open at the top level: a problem carries
 * extensions a client may use (`rule`, `currentEtag`, `evaluationStatus`…); closed in `errors[]`,
 * whose items are exactly pointer, message and, when known, keyword and label.
 */
export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', description: '`urn:mesecvi:problem:<code>`', example: 'urn:mesecvi:problem:conflict' },
    title: { type: 'string', description: 'The code’s title, in English.' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: {
      type: 'string',
      description:
        'What went wrong, in the caller’s language: the account’s language when signed in, else Accept-Language, else English (see Content-Language).',
    },
    instance: { type: 'string', description: 'The path of the request.' },
    code: { type: 'string', enum: Object.keys(ERROR_CODES), description: 'The stable code clients branch on.' },
    rule: {
      type: 'string',
      description:
        'The rule that refused the request (409 and 422; 401 and 403 of a browser session); each operation lists those it can name.',
    },
    requestId: { type: 'string', description: 'The request id (also in the X-Request-Id header).' },
    errorId: { type: 'string', format: 'uuid', description: 'For 500 only: quote it when reporting the error.' },
    errors: {
      type: 'array',
      description: 'The fields at fault, each named by a JSON Pointer into the request.',
      items: {
        type: 'object',
        required: ['pointer', 'message'],
        additionalProperties: false,
        properties: {
          pointer: { type: 'string', description: 'RFC 6901 JSON Pointer.' },
          message: { type: 'string', description: 'In the caller’s language.' },
          keyword: { type: 'string', description: 'The JSON Schema keyword or rule the value breaks.' },
          label: { type: 'string', description: 'The question’s label, on questionnaire answers.' },
        },
      },
    },
  },
  additionalProperties: true,
};

const RETRY_AFTER = { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 1 } };

export interface ProblemResponse {
  description: string;
  headers?: Record<string, typeof RETRY_AFTER>;
  content: Record<string, { schema: object }>;
}

/** The codes a status can carry, each with its generic English sentence: the response's description. */
function describe(status: number, rules: readonly RuleEntry[], note?: string): string {
  const codes = (Object.keys(ERROR_CODES) as ErrorCode[]).filter((c) => ERROR_CODES[c].status === status);
  const lines = codes.map((c) => `\`${c}\`: ${CODE_MESSAGES[c].en}`);
  const unique = [...new Map(rules.map((r) => [r.rule, r])).values()];
  if (unique.length > 0) lines.push('Rules:', ...unique.map((r) => `- \`${r.rule}\`: ${r.messages.en}`));
  return [note, ...lines].filter(Boolean).join('\n');
}

/** A problem+json response of `status`, its `rule` narrowed to `rules` when any are given. */
export function problemResponse(status: number, rules: readonly RuleEntry[] = [], note?: string): ProblemResponse {
  const codes = [...new Set(rules.map((r) => r.rule))];
  const schema =
    codes.length > 0
      ? { allOf: [{ $ref: PROBLEM_REF }, { properties: { rule: { type: 'string', enum: codes } } }] }
      : { $ref: PROBLEM_REF };
  const response: ProblemResponse = {
    description: describe(status, rules, note),
    content: { [PROBLEM_CONTENT_TYPE]: { schema } },
  };
  if (status === 429 || status === 503) response.headers = { 'Retry-After': RETRY_AFTER };
  return response;
}
