import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import {
  RECIPIENT_ROLES,
  REMINDER_REASONS,
  REMINDER_STATUSES,
  sqlList,
  type RecipientRole,
  type ReminderReason,
  type ReminderStatus,
} from '../deadline-vocabulary';
import { Deadline } from '../deadlines/deadline.entity';
import { ReminderRule } from './reminder-rule.entity';

/**
 * One reminder that should ever be sent: written in the transaction that creates or
 * moves its deadline, keyed by (deadline, deadline version, rule, recipient role). Addresses are
 * resolved only when the sweep turns it into outbox rows. The partial indexes keep the sweep's
 * scan proportional to what is due, not to the table.
 */
@Entity({ name: 'reminder' })
@Index('UQ_reminder_key', ['deadlineId', 'deadlineVersion', 'ruleId', 'recipientRole'], { unique: true })
@Index('IDX_reminder_due', ['plannedAt'], { where: `"status" = 'planned'` })
@Index('IDX_reminder_lease', ['leaseUntil'], { where: `"status" = 'claimed'` })
@Check('CHK_reminder_status', `"status" IN (${sqlList(REMINDER_STATUSES)})`)
@Check('CHK_reminder_reason', `"reason" IS NULL OR "reason" IN (${sqlList(REMINDER_REASONS)})`)
@Check('CHK_reminder_role', `"recipient_role" IN (${sqlList(RECIPIENT_ROLES)})`)
export class Reminder {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_reminder' })
  id!: string;

  @Column({ name: 'deadline_id', type: 'uuid' })
  deadlineId!: string;

  @ManyToOne(() => Deadline, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deadline_id', foreignKeyConstraintName: 'FK_reminder_deadline' })
  deadline?: Deadline;

  @Column({ name: 'deadline_version', type: 'integer' })
  deadlineVersion!: number;

  @Column({ name: 'rule_id', type: 'uuid' })
  ruleId!: string;

  @ManyToOne(() => ReminderRule, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rule_id', foreignKeyConstraintName: 'FK_reminder_rule' })
  rule?: ReminderRule;

  @Column({ name: 'recipient_role', type: 'varchar', length: 32 })
  recipientRole!: RecipientRole;

  @Column({ name: 'planned_at', type: 'timestamptz' })
  plannedAt!: Date;

  @Column({ type: 'varchar', length: 16, default: 'planned' })
  status!: ReminderStatus;

  /** Why it was superseded, cancelled or skipped. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  reason!: ReminderReason | null;

  /** While `claimed`: until when the claiming sweep owns it; after that it is claimed again. */
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  /** Which claim owns it, so a sweep whose lease ran out cannot finish someone else's claim. */
  @Column({ name: 'claim_token', type: 'uuid', nullable: true })
  claimToken!: string | null;

  @Column({ type: 'integer', default: 0 })
  claims!: number;

  /** Outbox rows written for it (recipients resolved at send time). */
  @Column({ type: 'integer', nullable: true })
  recipients!: number | null;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
