import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '@mesecvi/accounts';
import { StateEvaluation } from '@mesecvi/rounds';

export const RAPPORTEUR_ASSIGNMENT_STATUSES = ['open', 'completed', 'withdrawn'] as const;
export type RapporteurAssignmentStatus = (typeof RAPPORTEUR_ASSIGNMENT_STATUSES)[number];

/**
 * A committee expert assigned as rapporteur of one state evaluation. A trigger refuses an expert's
 * appointing state and declared conflicts (the service checks first, the database has the last word).
 */
@Entity({ name: 'rapporteur_assignment' })
@Index('UQ_rapporteur_assignment_active', ['evaluationId', 'expertUserId'], {
  unique: true,
  where: `"status" <> 'withdrawn'`,
})
@Index('IDX_rapporteur_assignment_expert', ['expertUserId', 'status'])
@Check('CHK_rapporteur_assignment_status', `"status" IN ('open', 'completed', 'withdrawn')`)
export class RapporteurAssignment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_rapporteur_assignment' })
  id!: string;

  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId!: string;

  @ManyToOne(() => StateEvaluation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evaluation_id', foreignKeyConstraintName: 'FK_rapporteur_assignment_evaluation' })
  evaluation?: StateEvaluation;

  @Column({ name: 'expert_user_id', type: 'uuid' })
  expertUserId!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'expert_user_id', foreignKeyConstraintName: 'FK_rapporteur_assignment_expert' })
  expert?: UserAccount;

  @Column({ name: 'assigned_by', type: 'uuid' })
  assignedBy!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assigned_by', foreignKeyConstraintName: 'FK_rapporteur_assignment_assigned_by' })
  assigner?: UserAccount;

  @Column({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt!: Date;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: RapporteurAssignmentStatus;

  /** When the assignment was completed or withdrawn. */
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;
}
