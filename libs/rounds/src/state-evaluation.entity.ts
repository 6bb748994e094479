import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Deadline } from '@mesecvi/deadlines';
import { QuestionnaireVersion } from '@mesecvi/questionnaires';
import { StateParty } from '@mesecvi/states';
import type { EvaluationStatus } from './evaluation-status';
import { Round } from './round.entity';

/** One state's part in a round (round × state), with its own questionnaire version and deadline. */
@Entity({ name: 'state_evaluation' })
@Index('UQ_state_evaluation_round_state', ['roundId', 'stateCode'], { unique: true })
@Index('IDX_state_evaluation_state', ['stateCode'])
@Index('IDX_state_evaluation_round_status', ['roundId', 'status'])
@Index('IDX_state_evaluation_response_deadline', ['responseDeadlineId'])
@Check(
  'CHK_state_evaluation_status',
  `"status" IN ('invited', 'drafting', 'submitted', 'no_response', 'under_review', 'clarification_requested', 'analysed', 'preliminary_report_sent', 'observations_received', 'observations_overdue', 'final_adopted', 'published')`,
)
export class StateEvaluation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_state_evaluation' })
  id!: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => Round, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_state_evaluation_round' })
  round?: Round;

  @Column({ name: 'state_code', type: 'varchar', length: 3 })
  stateCode!: string;

  @ManyToOne(() => StateParty, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code', foreignKeyConstraintName: 'FK_state_evaluation_state' })
  state?: StateParty;

  @Column({ name: 'questionnaire_version_id', type: 'uuid' })
  questionnaireVersionId!: string;

  @ManyToOne(() => QuestionnaireVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'questionnaire_version_id', foreignKeyConstraintName: 'FK_state_evaluation_questionnaire' })
  questionnaireVersion?: QuestionnaireVersion;

  @Column({ type: 'varchar', length: 32, default: 'invited' })
  status!: EvaluationStatus;

  /** The response deadline in the deadlines engine (its current version is the effective date). */
  @Column({ name: 'response_deadline_id', type: 'uuid', nullable: true })
  responseDeadlineId!: string | null;

  @ManyToOne(() => Deadline, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'response_deadline_id', foreignKeyConstraintName: 'FK_state_evaluation_deadline' })
  responseDeadline?: Deadline | null;

  @Column({ name: 'distributed_at', type: 'timestamptz' })
  distributedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'integer', default: 1 })
  version!: number;
}
