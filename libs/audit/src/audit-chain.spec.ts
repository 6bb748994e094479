import { auditHash, canonicalAuditContent, GENESIS_HASH, isoMicros, type SealedContent } from './audit-chain';

const content: SealedContent = {
  sealSeq: '7',
  id: '42',
  occurredAtMicros: '1772366400123456',
  actorUserId: null,
  actorRole: null,
  action: 'deadline.passed',
  entityType: 'deadline',
  entityId: 'a,b',
  summaryText: '{"kind": "response"}',
  requestId: null,
};

describe('audit chain definition', () => {
  it('prints times in UTC with microseconds, like PostgreSQL to_char(… US)', () => {
    expect(isoMicros('1772366400123456')).toBe('2026-03-01T12:00:00.123456Z');
    expect(isoMicros('0')).toBe('1970-01-01T00:00:00.000000Z');
    expect(isoMicros('-1')).toBe('1969-12-31T23:59:59.999999Z');
  });

  it('frames every field as a netstring, nulls as ~, counting bytes not characters', () => {
    expect(canonicalAuditContent({ ...content, entityId: 'é' })).toBe(
      '16:mesecvi-audit-v1,1:7,2:42,27:2026-03-01T12:00:00.123456Z,~~15:deadline.passed,8:deadline,2:é,20:{"kind": "response"},~',
    );
  });

  it('cannot be fooled by moving a separator between fields', () => {
    const a = canonicalAuditContent({ ...content, entityType: 'dead', entityId: 'line,x' });
    const b = canonicalAuditContent({ ...content, entityType: 'dead,line', entityId: 'x' });
    expect(a).not.toBe(b);
  });

  it('chains: the hash depends on the previous hash and on every content field', () => {
    const base = auditHash(GENESIS_HASH, content);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash(GENESIS_HASH, content)).toBe(base);
    expect(auditHash('1'.repeat(64), content)).not.toBe(base);
    for (const key of Object.keys(content) as Array<keyof SealedContent>) {
      const changed = {
        ...content,
        [key]: key === 'occurredAtMicros' || key === 'sealSeq' || key === 'id' ? '8' : 'x',
      };
      expect({ key, same: auditHash(GENESIS_HASH, changed) === base }).toEqual({ key, same: false });
    }
  });
});
