import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StateEvaluation } from '@mesecvi/rounds';
import { StateParty } from '@mesecvi/states';

export const RECOMMENDATION_STATUSES = ['draft', 'adopted', 'withdrawn'] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/**
 * A recommendation of a country report, known by a stable id `{round}-{state}-{n}` (e.g. `4-ARG-7`)
 * that the follow-up rounds cite. Numbers are never reused: a dropped draft is `withdrawn`.
 */
@Entity({ name: 'recommendation' })
@Index('UQ_recommendation_evaluation_seq', ['evaluationId', 'seq'], { unique: true })
@Index('IDX_recommendation_state', ['stateCode', 'status'])
@Index('IDX_recommendation_open', ['stateCode'], { where: `"status" = 'adopted' AND NOT "closed"` })
@Check('CHK_recommendation_status', `"status" IN ('draft', 'adopted', 'withdrawn')`)
@Check('CHK_recommendation_seq', `"seq" >= 1`)
export class Recommendation {
  @PrimaryColumn({ type: 'varchar', length: 40, primaryKeyConstraintName: 'PK_recommendation' })
  id!: string;

  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId!: string;

  @ManyToOne(() => StateEvaluation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evaluation_id', foreignKeyConstraintName: 'FK_recommendation_evaluation' })
  evaluation?: StateEvaluation;

  @Column({ name: 'state_code', type: 'varchar', length: 3 })
  stateCode!: string;

  @ManyToOne(() => StateParty, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code', foreignKeyConstraintName: 'FK_recommendation_state' })
  state?: StateParty;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 40 })
  theme!: string;

  /** Convention articles, e.g. `7b`, `8a`. */
  @Column({ type: 'text', array: true })
  articles!: string[];

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: RecommendationStatus;

  /** The text in other languages, by language code (`{ "en": "…" }`); `text` is the original. */
  @Column({ type: 'jsonb', default: {} })
  translations!: Record<string, string>;

  /** The committee's latest rating (a value of the configured scale); null until first rated. */
  @Column({ name: 'compliance_status', type: 'varchar', length: 32, nullable: true })
  complianceStatus!: string | null;

  /** Whether the latest rating closed the recommendation (open ones go into the next follow-up). */
  @Column({ type: 'boolean', default: false })
  closed!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
