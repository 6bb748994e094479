import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '@mesecvi/accounts';
import { Deadline } from '@mesecvi/deadlines';
import { StateEvaluation } from '@mesecvi/rounds';

export const REPORT_STATUSES = ['draft', 'preliminary', 'adopted', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const ADOPTION_METHODS = ['consensus', 'vote'] as const;
export type AdoptionMethod = (typeof ADOPTION_METHODS)[number];

/**
 * The country report of one state evaluation: analysis per theme (sections), recommendations
 * (libs/recommendations), the preliminary version sent to the state, the committee's adoption
 * (decision, meeting, date, document symbol) and publication. Writes carry If-Match on `version`.
 */
@Entity({ name: 'country_report' })
@Index('UQ_country_report_evaluation', ['evaluationId'], { unique: true })
@Index('UQ_country_report_symbol', ['symbol'], { unique: true, where: `"symbol" IS NOT NULL` })
@Index('IDX_country_report_status', ['status'])
@Check('CHK_country_report_status', `"status" IN ('draft', 'preliminary', 'adopted', 'published')`)
@Check(
  'CHK_country_report_adoption',
  `("status" IN ('adopted', 'published')) = ("adopted_on" IS NOT NULL AND "symbol" IS NOT NULL AND "adoption_method" IS NOT NULL)`,
)
@Check(
  'CHK_country_report_method',
  `"adoption_method" IS NULL OR ("adoption_method" = 'consensus' AND "votes_for" IS NULL) OR ("adoption_method" = 'vote' AND "votes_for" >= 0 AND "votes_against" >= 0 AND "abstentions" >= 0)`,
)
export class CountryReport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_country_report' })
  id!: string;

  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId!: string;

  @ManyToOne(() => StateEvaluation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evaluation_id', foreignKeyConstraintName: 'FK_country_report_evaluation' })
  evaluation?: StateEvaluation;

  @Column({ name: 'state_code', type: 'varchar', length: 3 })
  stateCode!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ReportStatus;

  /** Theme → analysis text (Markdown). */
  @Column({ type: 'jsonb' })
  sections!: Record<string, string>;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'preliminary_sent_at', type: 'timestamptz', nullable: true })
  preliminarySentAt!: Date | null;

  @Column({ name: 'observations_deadline_id', type: 'uuid', nullable: true })
  observationsDeadlineId!: string | null;

  @ManyToOne(() => Deadline, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'observations_deadline_id', foreignKeyConstraintName: 'FK_country_report_observations_deadline' })
  observationsDeadline?: Deadline | null;

  @Column({ name: 'adoption_method', type: 'varchar', length: 16, nullable: true })
  adoptionMethod!: AdoptionMethod | null;

  @Column({ name: 'votes_for', type: 'integer', nullable: true })
  votesFor!: number | null;

  @Column({ name: 'votes_against', type: 'integer', nullable: true })
  votesAgainst!: number | null;

  @Column({ type: 'integer', nullable: true })
  abstentions!: number | null;

  @Column({ type: 'text', nullable: true })
  meeting!: string | null;

  @Column({ name: 'adopted_on', type: 'date', nullable: true })
  adoptedOn!: string | null;

  @Column({ name: 'adopted_by', type: 'uuid', nullable: true })
  adoptedBy!: string | null;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'adopted_by', foreignKeyConstraintName: 'FK_country_report_adopted_by' })
  adopter?: UserAccount | null;

  /** Why the committee adopted before the state's observations arrived or their deadline passed. */
  @Column({ name: 'override_reason', type: 'text', nullable: true })
  overrideReason!: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  symbol!: string | null;

  /** Corrigenda issued since adoption: the document is `{symbol}/Rev.{revision}` when above 0. */
  @Column({ type: 'integer', default: 0 })
  revision!: number;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
