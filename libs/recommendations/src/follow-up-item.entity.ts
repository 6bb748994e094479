import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StateEvaluation } from '@mesecvi/rounds';
import { Recommendation } from './recommendation.entity';

/** Which recommendation an item of a state's generated follow-up questionnaire asks about. */
@Entity({ name: 'follow_up_item' })
@Index('UQ_follow_up_item_recommendation', ['evaluationId', 'recommendationId'], { unique: true })
export class FollowUpItem {
  @PrimaryColumn({ name: 'evaluation_id', type: 'uuid', primaryKeyConstraintName: 'PK_follow_up_item' })
  evaluationId!: string;

  @ManyToOne(() => StateEvaluation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evaluation_id', foreignKeyConstraintName: 'FK_follow_up_item_evaluation' })
  evaluation?: StateEvaluation;

  @PrimaryColumn({ name: 'item_id', type: 'varchar', length: 64, primaryKeyConstraintName: 'PK_follow_up_item' })
  itemId!: string;

  @Column({ name: 'recommendation_id', type: 'varchar', length: 40 })
  recommendationId!: string;

  @ManyToOne(() => Recommendation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recommendation_id', foreignKeyConstraintName: 'FK_follow_up_item_recommendation' })
  recommendation?: Recommendation;
}
