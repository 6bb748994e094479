export { Public, Authenticated, ACCESS_RULE, type AccessRule } from './access.decorator';
export { AccessGuard, Authenticator, NoAuthenticator } from './access.guard';
export {
  AjvBodyPipe,
  AjvQueryPipe,
  compileQuery,
  toFieldProblem,
  toLocalisedFieldProblem,
  type QueryCheck,
} from './ajv-body.pipe';
export { KEYWORD_MESSAGES, INVALID_MESSAGES, REQUEST_INVALID_MESSAGES } from './keyword-messages';
export {
  ROLES,
  LANGUAGES,
  CurrentCaller,
  CurrentRequest,
  callerOf,
  setCaller,
  type Role,
  type Language,
  type Caller,
  type RequestMeta,
} from './caller';
export { openApiSchema, fileResponse, ApiQueryFrom } from './openapi-schema';
export { Closed, StringEnum, Nullable, DateTime, FieldProblemSchema, AnyObject } from './schema';
export { isUuid } from './ids';
export { escapeHtml } from './html';
export { IfMatch, Precondition, parseIfMatch } from './if-match';
export { ApiProblems, type ProblemDeclaration } from './api-problems.decorator';
export { withProblemResponses } from './problem-document';
export { PROBLEM_SCHEMA, PROBLEM_REF, problemResponse } from './problem-schema';
