import { auditInsertSql } from './audit-insert';

const columns = {
  at: '$1',
  actorUserId: '$2',
  actorRole: '$3',
  entityType: "'state_evaluation'",
  entityId: '$4',
  summary: '$5::jsonb',
  requestId: '$6',
};

describe('the audit insert', () => {
  it('writes one event from values, or one per row of a source', () => {
    expect(auditInsertSql('$7', columns)).toMatch(
      /^INSERT INTO audit_event \(occurred_at, actor_user_id, actor_role, action, entity_type, entity_id, summary, request_id\)\s+VALUES \(\$1, \$2, \$3, \$7, 'state_evaluation', \$4, \$5::jsonb, \$6\)$/,
    );
    expect(auditInsertSql('answer_draft.saved', { ...columns, from: 'upd' })).toMatch(
      /SELECT \$1, \$2, \$3, 'answer_draft\.saved', 'state_evaluation', \$4, \$5::jsonb, \$6 FROM upd$/,
    );
  });

  it('refuses an action that is not entity.verb (it is written as a literal)', () => {
    expect(() => auditInsertSql("x'; DROP TABLE audit_event; --", columns)).toThrow(/entity\.verb/);
    expect(() => auditInsertSql('saved', columns)).toThrow(/entity\.verb/);
  });
});
