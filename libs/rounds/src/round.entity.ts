import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { QuestionnaireVersion } from '@mesecvi/questionnaires';
import type { RoundPhase } from './round-phase';

export type RoundKind = 'evaluation' | 'follow_up';

/** A Multilateral Evaluation Round or a Follow-up Round (on an evaluation round's recommendations). */
@Entity({ name: 'round' })
@Index('UQ_round_kind_number', ['kind', 'number'], { unique: true })
@Check('CHK_round_kind', `"kind" IN ('evaluation', 'follow_up')`)
@Check(
  'CHK_round_phase',
  `"phase" IN ('planning', 'questionnaire_adopted', 'open_for_responses', 'analysis', 'reports', 'hemispheric_report', 'closed')`,
)
@Check('CHK_round_follow_up_parent', `("kind" = 'follow_up') = ("evaluation_round_id" IS NOT NULL)`)
@Check('CHK_round_periods', `"response_days" > 0 AND "observations_days" > 0 AND "follow_up_days" > 0`)
export class Round {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_round' })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: RoundKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ name: 'evaluation_round_id', type: 'uuid', nullable: true })
  evaluationRoundId!: string | null;

  @ManyToOne(() => Round, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evaluation_round_id', foreignKeyConstraintName: 'FK_round_evaluation_round' })
  evaluationRound?: Round | null;

  @Column({ type: 'varchar', length: 24, default: 'planning' })
  phase!: RoundPhase;

  /** The round's default questionnaire version (each state evaluation may carry its own). */
  @Column({ name: 'questionnaire_version_id', type: 'uuid', nullable: true })
  questionnaireVersionId!: string | null;

  @ManyToOne(() => QuestionnaireVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'questionnaire_version_id', foreignKeyConstraintName: 'FK_round_questionnaire' })
  questionnaireVersion?: QuestionnaireVersion | null;

  @Column({ name: 'response_due_date', type: 'date', nullable: true })
  responseDueDate!: string | null;

  @Column({ name: 'response_days', type: 'integer', default: 90 })
  responseDays!: number;

  @Column({ name: 'observations_days', type: 'integer', default: 30 })
  observationsDays!: number;

  @Column({ name: 'follow_up_days', type: 'integer', default: 90 })
  followUpDays!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'integer', default: 1 })
  version!: number;
}
