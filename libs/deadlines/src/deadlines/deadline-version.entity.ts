import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import {
  DEADLINE_CHANGES,
  DEADLINE_STATUSES,
  sqlList,
  type DeadlineChange,
  type DeadlineStatus,
} from '../deadline-vocabulary';
import { Deadline } from './deadline.entity';

/**
 * The history of a deadline: one row per change (created, moved, completed, cancelled, passed)
 * with the version and due date it left, the reason and who did it (null actor: the platform).
 */
@Entity({ name: 'deadline_version' })
@Index('IDX_deadline_version_deadline', ['deadlineId', 'recordedAt'])
@Check('CHK_deadline_version_change', `"change" IN (${sqlList(DEADLINE_CHANGES)})`)
@Check('CHK_deadline_version_status', `"status" IN (${sqlList(DEADLINE_STATUSES)})`)
export class DeadlineVersion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_deadline_version' })
  id!: string;

  @Column({ name: 'deadline_id', type: 'uuid' })
  deadlineId!: string;

  @ManyToOne(() => Deadline, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deadline_id', foreignKeyConstraintName: 'FK_deadline_version_deadline' })
  deadline?: Deadline;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 16 })
  change!: DeadlineChange;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: DeadlineStatus;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true })
  actorRole!: string | null;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
