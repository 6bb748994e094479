import { ERROR_CODES, problemType, type ErrorCode } from './error-codes';

/** One field at fault: `pointer` is an RFC 6901 JSON Pointer into the request body. */
export interface FieldProblem {
  pointer: string;
  message: string;
  keyword?: string;
  label?: string;
}

/** RFC 9457 problem details, plus our stable `code`, the request id and, for 500s, an error id. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: ErrorCode;
  requestId?: string;
  errorId?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

const RESERVED = new Set(['type', 'title', 'status', 'code']);

export function buildProblem(
  code: ErrorCode,
  detail: string | undefined,
  extras: Partial<Omit<ProblemDocument, 'type' | 'title' | 'status' | 'code'>> = {},
): ProblemDocument {
  const { status, title } = ERROR_CODES[code];
  const problem: ProblemDocument = { type: problemType(code), title, status, code };
  if (detail) problem.detail = detail;
  for (const [key, value] of Object.entries(extras)) {
    // An extension may never overwrite the members that define the problem (a `status` extension
    // once turned a 409 into a 500).
    if (value !== undefined && !RESERVED.has(key)) problem[key] = value;
  }
  return problem;
}
