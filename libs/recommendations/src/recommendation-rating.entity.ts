import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '@mesecvi/accounts';
import { StateEvaluation } from '@mesecvi/rounds';
import { Recommendation } from './recommendation.entity';

/**
 * The rating of one recommendation in one follow-up evaluation: the rapporteurs' proposal first,
 * then the committee's rating recorded by the secretariat (`value`, `closes` copied from the scale
 * at the time, so a later change of the scale does not rewrite history).
 */
@Entity({ name: 'recommendation_rating' })
@Index('UQ_recommendation_rating_evaluation', ['followUpEvaluationId', 'recommendationId'], { unique: true })
@Index('IDX_recommendation_rating_recommendation', ['recommendationId'])
@Check(
  'CHK_recommendation_rating_recorded',
  `("value" IS NULL) = ("recorded_at" IS NULL) AND ("value" IS NULL) = ("closes" IS NULL)`,
)
export class RecommendationRating {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_recommendation_rating' })
  id!: string;

  @Column({ name: 'recommendation_id', type: 'varchar', length: 40 })
  recommendationId!: string;

  @ManyToOne(() => Recommendation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recommendation_id', foreignKeyConstraintName: 'FK_recommendation_rating_recommendation' })
  recommendation?: Recommendation;

  @Column({ name: 'follow_up_evaluation_id', type: 'uuid' })
  followUpEvaluationId!: string;

  @ManyToOne(() => StateEvaluation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'follow_up_evaluation_id', foreignKeyConstraintName: 'FK_recommendation_rating_evaluation' })
  followUpEvaluation?: StateEvaluation;

  @Column({ name: 'proposed_value', type: 'varchar', length: 32, nullable: true })
  proposedValue!: string | null;

  @Column({ name: 'proposed_justification', type: 'text', nullable: true })
  proposedJustification!: string | null;

  @Column({ name: 'proposed_by', type: 'uuid', nullable: true })
  proposedBy!: string | null;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_by', foreignKeyConstraintName: 'FK_recommendation_rating_proposed_by' })
  proposer?: UserAccount | null;

  @Column({ name: 'proposed_at', type: 'timestamptz', nullable: true })
  proposedAt!: Date | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  value!: string | null;

  @Column({ type: 'text', nullable: true })
  justification!: string | null;

  @Column({ type: 'boolean', nullable: true })
  closes!: boolean | null;

  @Column({ name: 'recorded_by', type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'FK_recommendation_rating_recorded_by' })
  recorder?: UserAccount | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true })
  recordedAt!: Date | null;
}
