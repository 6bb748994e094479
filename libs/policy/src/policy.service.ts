import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@mesecvi/errors';
import type { Caller, RequestMeta, Role } from '@mesecvi/http';

/** Which states' records a caller may see: every state, or an explicit list. */
export type StateScope = { kind: 'all' } | { kind: 'states'; codes: string[] };

const STATE_BOUND: readonly Role[] = ['state_focal_point', 'state_contributor'];

/** Offices of the Committee of Experts, held by an expert (not roles). */
export const COMMITTEE_OFFICES = ['coordinator', 'alternate_coordinator'] as const;
export type CommitteeOfficeName = (typeof COMMITTEE_OFFICES)[number];

/**
 * What the committee knows about an expert, loaded by libs/appointments (`CommitteeStandingService`):
 * the offices they hold now, the states they may never evaluate (appointing state ∪ declared
 * conflicts) and the states they are assigned to review.
 */
export interface CommitteeStanding {
  offices: readonly CommitteeOfficeName[];
  excludedStates: readonly string[];
  assignedStates: readonly string[];
}

/**
 * The one place that decides who may see and change what: from the
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
    return (
      caller.role === 'state_focal_point' &&
      target.role === 'state_contributor' &&
      target.stateCode === caller.stateCode
    );
  }

  /** A state's appointment history and proposals: the secretariat, and that state's focal point. */
  canReadAppointments(caller: Caller, stateCode: string): boolean {
    return caller.role === 'secretariat' || (caller.role === 'state_focal_point' && caller.stateCode === stateCode);
  }

  /** Throws 404 (and logs) for another state's appointments; call after the route's role check. */
  assertAppointments(caller: Caller, stateCode: string, meta: RequestMeta): void {
    if (this.canReadAppointments(caller, stateCode)) return;
    this.denied(caller, meta, 'appointments', stateCode);
    throw new DomainError('not_found', `State party ${stateCode} was not found`);
  }

  /** Only the secretariat records (confirms) appointments, officers and requests; a focal point only proposes. */
  canRecordAppointments(caller: Caller): boolean {
    return caller.role === 'secretariat';
  }

  /** A focal point proposes nominations for its own state; the secretariat may enter one on its behalf. */
  canProposeAppointment(caller: Caller, stateCode: string): boolean {
    return this.canReadAppointments(caller, stateCode);
  }

  /** The roster and the officers: the secretariat and the committee's experts. */
  canReadRoster(caller: Caller): boolean {
    return caller.role === 'secretariat' || caller.role === 'committee_expert';
  }

  /** An expert declares their own conflicts; the secretariat records anyone's. */
  canDeclareConflict(caller: Caller, expertUserId: string): boolean {
    return caller.role === 'secretariat' || (caller.role === 'committee_expert' && caller.userId === expertUserId);
  }

  /**
   * May this expert take part in evaluating the state? Never their appointing state nor one with
   * a declared conflict, whatever their office or assignments.
   */
  mayEvaluateState(caller: Caller, stateCode: string, standing: CommitteeStanding): boolean {
    return caller.role === 'committee_expert' && !standing.excludedStates.includes(stateCode);
  }

  /**
   * May the caller read a state's review material? The secretariat always; an expert when
   * assigned to it, or as Coordinator for every state — never an excluded one.
   */
  canSeeStateReview(caller: Caller, stateCode: string, standing: CommitteeStanding): boolean {
    if (caller.role === 'secretariat') return true;
    if (!this.mayEvaluateState(caller, stateCode, standing)) return false;
    return standing.offices.includes('coordinator') || standing.assignedStates.includes(stateCode);
  }

  /**
   * May the caller assign rapporteurs to a state's evaluation? The secretariat; the Coordinator
   * for any state they may evaluate (never their own state nor a declared conflict).
   */
  canAssignRapporteurs(caller: Caller, stateCode: string, standing: CommitteeStanding): boolean {
    if (caller.role === 'secretariat') return true;
    return standing.offices.includes('coordinator') && this.mayEvaluateState(caller, stateCode, standing);
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
