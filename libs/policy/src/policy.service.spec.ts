import type { Caller, RequestMeta } from '@mesecvi/http';
import { PolicyService } from './policy.service';

const caller = (role: Caller['role'], stateCode: string | null): Caller => ({
  userId: 'u1',
  role,
  stateCode,
  language: 'en',
});
const meta: RequestMeta = { requestId: 'r1', caller: null };

describe('PolicyService', () => {
  const policy = new PolicyService();

  it('gives the secretariat every state', () => {
    expect(policy.stateRecordsScope(caller('secretariat', null))).toEqual({ kind: 'all' });
    expect(policy.canReadStateRecords(caller('secretariat', null), 'HTI')).toBe(true);
  });

  it('binds focal points and contributors to their own state', () => {
    for (const role of ['state_focal_point', 'state_contributor'] as const) {
      expect(policy.canReadStateRecords(caller(role, 'ARG'), 'ARG')).toBe(true);
      expect(policy.canReadStateRecords(caller(role, 'ARG'), 'BRA')).toBe(false);
    }
  });

  it('does not let an expert read state records through their appointing state (experts are committee-scoped)', () => {
    expect(policy.canReadStateRecords(caller('committee_expert', 'ARG'), 'ARG')).toBe(false);
  });

  it('answers 404 outside the scope', () => {
    expect(() => policy.assertStateRecords(caller('state_contributor', 'ARG'), 'BRA', meta, 'State party BRA')).toThrow(
      expect.objectContaining({ code: 'not_found', status: 404 }),
    );
  });

  it('lets a focal point manage contributors of their own state only', () => {
    const fp = caller('state_focal_point', 'ARG');
    expect(policy.canManageAccount(fp, { role: 'state_contributor', stateCode: 'ARG' })).toBe(true);
    expect(policy.canManageAccount(fp, { role: 'state_contributor', stateCode: 'BRA' })).toBe(false);
    expect(policy.canManageAccount(fp, { role: 'state_focal_point', stateCode: 'ARG' })).toBe(false);
    expect(
      policy.canManageAccount(caller('state_contributor', 'ARG'), { role: 'state_contributor', stateCode: 'ARG' }),
    ).toBe(false);
  });

  describe('appointments and the committee', () => {
    const expert = { ...caller('committee_expert', 'ARG'), userId: 'e1' };
    const standing = (
      over: Partial<{
        offices: Array<'coordinator' | 'alternate_coordinator'>;
        excludedStates: string[];
        assignedStates: string[];
      }> = {},
    ) => ({
      offices: [],
      excludedStates: ['ARG', 'CHL'],
      assignedStates: [],
      ...over,
    });

    it('shows a state’s appointments to the secretariat and that state’s focal point only', () => {
      expect(policy.canReadAppointments(caller('secretariat', null), 'BRA')).toBe(true);
      expect(policy.canReadAppointments(caller('state_focal_point', 'ARG'), 'ARG')).toBe(true);
      expect(policy.canReadAppointments(caller('state_focal_point', 'ARG'), 'BRA')).toBe(false);
      expect(policy.canReadAppointments(caller('state_contributor', 'ARG'), 'ARG')).toBe(false);
      expect(policy.canReadAppointments(expert, 'ARG')).toBe(false);
      expect(() => policy.assertAppointments(caller('state_focal_point', 'ARG'), 'BRA', meta)).toThrow(
        expect.objectContaining({ status: 404 }),
      );
    });

    it('lets only the secretariat record, a focal point propose for its own state, experts read the roster', () => {
      expect(policy.canRecordAppointments(caller('secretariat', null))).toBe(true);
      expect(policy.canRecordAppointments(caller('state_focal_point', 'ARG'))).toBe(false);
      expect(policy.canProposeAppointment(caller('state_focal_point', 'ARG'), 'ARG')).toBe(true);
      expect(policy.canProposeAppointment(caller('state_focal_point', 'ARG'), 'BRA')).toBe(false);
      expect(policy.canReadRoster(expert)).toBe(true);
      expect(policy.canReadRoster(caller('state_focal_point', 'ARG'))).toBe(false);
      expect(policy.canDeclareConflict(expert, 'e1')).toBe(true);
      expect(policy.canDeclareConflict(expert, 'e2')).toBe(false);
      expect(policy.canDeclareConflict(caller('secretariat', null), 'e2')).toBe(true);
    });

    it('never lets an expert evaluate the appointing state or a declared conflict, office or not', () => {
      expect(policy.mayEvaluateState(expert, 'BRA', standing())).toBe(true);
      expect(policy.mayEvaluateState(expert, 'ARG', standing())).toBe(false);
      expect(
        policy.mayEvaluateState(expert, 'CHL', standing({ offices: ['coordinator'], assignedStates: ['CHL'] })),
      ).toBe(false);
      expect(policy.mayEvaluateState(caller('secretariat', null), 'BRA', standing())).toBe(false);
    });

    it('lets the Coordinator see every review but excluded ones, other experts only their assignments', () => {
      expect(policy.canSeeStateReview(expert, 'BRA', standing())).toBe(false);
      expect(policy.canSeeStateReview(expert, 'BRA', standing({ assignedStates: ['BRA'] }))).toBe(true);
      expect(policy.canSeeStateReview(expert, 'BRA', standing({ offices: ['coordinator'] }))).toBe(true);
      expect(policy.canSeeStateReview(expert, 'BRA', standing({ offices: ['alternate_coordinator'] }))).toBe(false);
      expect(policy.canSeeStateReview(expert, 'ARG', standing({ offices: ['coordinator'] }))).toBe(false);
      expect(policy.canSeeStateReview(caller('secretariat', null), 'ARG', standing())).toBe(true);
    });

    it('lets the secretariat and the Coordinator assign rapporteurs, never for the Coordinator’s excluded states', () => {
      expect(policy.canAssignRapporteurs(caller('secretariat', null), 'ARG', standing())).toBe(true);
      expect(policy.canAssignRapporteurs(expert, 'BRA', standing({ offices: ['coordinator'] }))).toBe(true);
      expect(policy.canAssignRapporteurs(expert, 'ARG', standing({ offices: ['coordinator'] }))).toBe(false);
      expect(policy.canAssignRapporteurs(expert, 'CHL', standing({ offices: ['coordinator'] }))).toBe(false);
      expect(policy.canAssignRapporteurs(expert, 'BRA', standing({ assignedStates: ['BRA'] }))).toBe(false);
    });
  });
});
