import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '@mesecvi/accounts';
import { Recommendation } from '@mesecvi/recommendations';
import { CountryReport } from './country-report.entity';

/** A state's observation on its preliminary report: general, or on one recommendation. */
@Entity({ name: 'report_observation' })
@Index('IDX_report_observation_report', ['reportId'])
@Check(
  'CHK_report_observation_on_behalf',
  `("on_behalf_channel" IS NULL) = ("on_behalf_reference" IS NULL) AND ("on_behalf_channel" IS NULL OR "on_behalf_channel" IN ('diplomatic_note', 'email'))`,
)
export class ReportObservation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_report_observation' })
  id!: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => CountryReport, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'FK_report_observation_report' })
  report?: CountryReport;

  @Column({ name: 'recommendation_id', type: 'varchar', length: 40, nullable: true })
  recommendationId!: string | null;

  @ManyToOne(() => Recommendation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recommendation_id', foreignKeyConstraintName: 'FK_report_observation_recommendation' })
  recommendation?: Recommendation | null;

  @Column({ type: 'text' })
  text!: string;

  /** Evidence files the state attaches to this observation (uploaded like answer evidence). */
  @Column({ name: 'attachment_ids', type: 'jsonb', default: () => `'[]'` })
  attachmentIds!: string[];

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submitted_by', foreignKeyConstraintName: 'FK_report_observation_submitted_by' })
  submitter?: UserAccount;

  @Column({ name: 'submitted_by_role', type: 'varchar', length: 32 })
  submittedByRole!: string;

  /** Set when the secretariat entered observations that arrived by diplomatic note or e-mail. */
  @Column({ name: 'on_behalf_channel', type: 'varchar', length: 24, nullable: true })
  onBehalfChannel!: 'diplomatic_note' | 'email' | null;

  @Column({ name: 'on_behalf_reference', type: 'text', nullable: true })
  onBehalfReference!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;
}
