import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StateEvaluation } from './state-evaluation.entity';

export type ExtensionStatus = 'requested' | 'approved' | 'refused';

/** A state's request for more time, and the secretariat's decision. History is every row. */
@Entity({ name: 'extension_request' })
@Index('IDX_extension_request_evaluation', ['evaluationId'])
@Index('UQ_extension_request_one_open', ['evaluationId'], { unique: true, where: `"status" = 'requested'` })
@Check('CHK_extension_request_status', `"status" IN ('requested', 'approved', 'refused')`)
export class ExtensionRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_extension_request' })
  id!: string;

  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId!: string;

  @ManyToOne(() => StateEvaluation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluation_id', foreignKeyConstraintName: 'FK_extension_request_evaluation' })
  evaluation?: StateEvaluation;

  @Column({ name: 'requested_date', type: 'date' })
  requestedDate!: string;

  @Column({ type: 'text' })
  justification!: string;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'varchar', length: 16, default: 'requested' })
  status!: ExtensionStatus;

  @Column({ name: 'granted_date', type: 'date', nullable: true })
  grantedDate!: string | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
