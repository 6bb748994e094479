import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@mesecvi/errors';
import type { Caller, RequestMeta, Role } from '@mesecvi/http';

/** Which states' records a caller may see: every state, or an explicit list. */
export type StateScope = { kind: 'all' } | { kind: 'states'; codes: string[] };

const STATE_BOUND: readonly Role[] = ['state_focal_point', 'state_contributor'];

/**
 * The one place that decides who may see and change what (DESIGN §2 "Authorization"): from the
 * caller's role, state binding and — as later issues add them — committee assignments, the
 * Coordinator's office and declared conflicts. Routes say which roles may ever use them; this
 * service scopes every object and every query. Outside the scope the answer is 404, and the
 * attempt is a security log line, not an audit row (it changed nothing).
 */
@Injectable()
export class PolicyService {
  private readonly security = new Logger('security');

  isStateBound(caller: Caller): boolean {
    return STATE_BOUND.includes(caller.role);
  }

  /** States whose own records (contacts, accounts) the caller may read. */
  stateRecordsScope(caller: Caller): StateScope {
    if (caller.role === 'secretariat') return { kind: 'all' };
    if (this.isStateBound(caller) && caller.stateCode) return { kind: 'states', codes: [caller.stateCode] };
    return { kind: 'states', codes: [] };
  }

  canReadStateRecords(caller: Caller, stateCode: string): boolean {
    const scope = this.stateRecordsScope(caller);
    return scope.kind === 'all' || scope.codes.includes(stateCode);
  }

  /** Throws 404 (and logs) when `stateCode` is outside the caller's scope. */
  assertStateRecords(caller: Caller, stateCode: string, meta: RequestMeta, what: string): void {
    if (this.canReadStateRecords(caller, stateCode)) return;
    this.denied(caller, meta, what, stateCode);
    throw new DomainError('not_found', `${what} was not found`);
  }

  /** May the caller manage (invite, disable) accounts of this role in this state? */
  canManageAccount(caller: Caller, target: { role: Role; stateCode: string | null }): boolean {
    if (caller.role === 'secretariat') return true;
    return caller.role === 'state_focal_point' && target.role === 'state_contributor' && target.stateCode === caller.stateCode;
  }

  /** Records an access outside the caller's scope: a security log line with ids only. */
  denied(caller: Caller, meta: RequestMeta, what: string, stateCode?: string | null): void {
    this.security.warn({
      msg: 'access outside scope',
      requestId: meta.requestId,
      userId: caller.userId,
      role: caller.role,
      callerState: caller.stateCode,
      target: what,
      targetState: stateCode ?? null,
    });
  }
}
