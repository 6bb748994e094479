import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One append-only audit row. Writers insert it unsealed in their own
 * transaction; the worker later sets `seal_seq`, `prev_hash` and `hash` once, through the
 * `audit_seal()` SQL function. Triggers refuse every other change (see the AuditLog migration).
 * Index names are explicit because the drift test compares them with the migration's SQL.
 */
@Entity({ name: 'audit_event' })
@Index('audit_event_entity_idx', ['entityType', 'entityId', 'id'])
@Index('audit_event_actor_idx', ['actorUserId', 'id'])
@Index('audit_event_action_idx', ['action', 'id'])
@Index('audit_event_occurred_at_idx', ['occurredAt'])
@Index('audit_event_seal_seq_key', ['sealSeq'], { unique: true })
@Index('audit_event_unsealed_idx', ['id'], { where: '"hash" IS NULL' })
export class AuditEvent {
  /** Monotonic but committed out of order, so it has gaps; the chain order is `sealSeq`. */
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    generatedIdentity: 'ALWAYS',
    primaryKeyConstraintName: 'audit_event_pkey',
  })
  id!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** Null when the platform itself acted (a scheduled job). */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ name: 'actor_role', type: 'text', nullable: true })
  actorRole!: string | null;

  @Column({ name: 'action', type: 'text' })
  action!: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'text' })
  entityId!: string;

  /** Ids and field names only, never personal data. */
  @Column({ name: 'summary', type: 'jsonb' })
  summary!: Record<string, unknown>;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ name: 'seal_seq', type: 'bigint', nullable: true })
  sealSeq!: string | null;

  @Column({ name: 'prev_hash', type: 'text', nullable: true })
  prevHash!: string | null;

  @Column({ name: 'hash', type: 'text', nullable: true })
  hash!: string | null;
}
