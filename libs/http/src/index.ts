export { Public, Authenticated, ACCESS_RULE, type AccessRule } from './access.decorator';
export { AccessGuard, Authenticator, NoAuthenticator } from './access.guard';
export { AjvBodyPipe, toFieldProblem } from './ajv-body.pipe';
