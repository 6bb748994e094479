export { Public, Authenticated, ACCESS_RULE, type AccessRule } from './access.decorator';
export { AccessGuard, Authenticator, NoAuthenticator } from './access.guard';
export { AjvBodyPipe, AjvQueryPipe, compileQuery, toFieldProblem } from './ajv-body.pipe';
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
export { openApiSchema } from './openapi-schema';
export { isUuid } from './ids';
export { rememberJsonText, jsonTextOf, sentJsonOf, SentBody, type SentJson } from './json-text';
export { escapeHtml } from './html';
export { IfMatch, Precondition, parseIfMatch } from './if-match';
