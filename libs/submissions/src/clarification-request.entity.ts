import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StateEvaluation } from '@mesecvi/rounds';
import { Submission } from './submission.entity';

/** A request to a state to clarify its submitted answers; answered by its next submission. */
@Entity({ name: 'clarification_request' })
@Index('IDX_clarification_request_evaluation', ['evaluationId'])
@Index('UQ_clarification_request_one_open', ['evaluationId'], { unique: true, where: `"answered_at" IS NULL` })
export class ClarificationRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_clarification_request' })
  id!: string;

  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId!: string;

  @ManyToOne(() => StateEvaluation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evaluation_id', foreignKeyConstraintName: 'FK_clarification_request_evaluation' })
  evaluation?: StateEvaluation;

  @Column({ type: 'text' })
  message!: string;

  /** Optional: when the clarification is due (the resubmission is on time until that day ends). */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  /** `submitted` or `under_review`: decides where the resubmission goes back to. */
  @Column({ name: 'from_status', type: 'varchar', length: 32 })
  fromStatus!: string;

  @Column({ name: 'based_on_submission_id', type: 'uuid' })
  basedOnSubmissionId!: string;

  @ManyToOne(() => Submission, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'based_on_submission_id', foreignKeyConstraintName: 'FK_clarification_request_based_on' })
  basedOn?: Submission;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'answered_by_submission_id', type: 'uuid', nullable: true })
  answeredBySubmissionId!: string | null;

  @ManyToOne(() => Submission, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'answered_by_submission_id', foreignKeyConstraintName: 'FK_clarification_request_answer' })
  answeredBy?: Submission | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;
}
