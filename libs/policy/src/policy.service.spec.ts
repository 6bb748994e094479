import type { Caller, RequestMeta } from '@mesecvi/http';
import { PolicyService } from './policy.service';

const caller = (role: Caller['role'], stateCode: string | null): Caller => ({ userId: 'u1', role, stateCode, language: 'en' });
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
    expect(policy.canManageAccount(caller('state_contributor', 'ARG'), { role: 'state_contributor', stateCode: 'ARG' })).toBe(false);
  });
});
