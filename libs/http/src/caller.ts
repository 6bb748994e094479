import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { MESSAGE_LANGUAGES, type MessageLanguage } from '@mesecvi/errors';

export const ROLES = ['secretariat', 'state_focal_point', 'state_contributor', 'committee_expert'] as const;
export type Role = (typeof ROLES)[number];
/** An account's language: the languages the API writes its messages in. */
export const LANGUAGES = MESSAGE_LANGUAGES;
export type Language = MessageLanguage;

/** The authenticated person behind a request, as the policy service sees them. */
export interface Caller {
  userId: string;
  role: Role;
  /** The state a state-bound role acts for, or the state that appointed an expert; null for the secretariat. */
  stateCode: string | null;
  language: Language;
  /** The login session (refresh-token family) the access token belongs to. */
  sessionId?: string;
}

/** What an audit event and a security log line need to know about the request. */
export interface RequestMeta {
  requestId: string;
  caller: Caller | null;
}

type WithCaller = FastifyRequest & { caller?: Caller };

export function callerOf(request: FastifyRequest): Caller | null {
  return (request as WithCaller).caller ?? null;
}

export function setCaller(request: FastifyRequest, caller: Caller): void {
  (request as WithCaller).caller = caller;
}

/** The logged-in caller (routes that are not public only). */
export const CurrentCaller = createParamDecorator((_: unknown, ctx: ExecutionContext): Caller => {
  const caller = callerOf(ctx.switchToHttp().getRequest<FastifyRequest>());
  if (!caller) throw new Error('CurrentCaller used on a route without authentication');
  return caller;
});

/** Request id and caller, for audit events written by the service the controller calls. */
export const CurrentRequest = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  return { requestId: String(request.id), caller: callerOf(request) };
});
