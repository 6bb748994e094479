import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '@mesecvi/accounts';
import { Round } from '@mesecvi/rounds';
import type { HemisphericFigures } from './hemispheric-figures';

export const HEMISPHERIC_REPORT_STATUSES = ['adopted', 'published'] as const;
export type HemisphericReportStatus = (typeof HEMISPHERIC_REPORT_STATUSES)[number];

/**
 * The hemispheric report of a round as the committee adopted it: the row exists from adoption on
 * and `figures` is the snapshot taken then, so a published report never changes afterwards
 * (later ratings show only in the live figures of GET /rounds/{id}/hemispheric-report before adoption).
 */
@Entity({ name: 'hemispheric_report' })
@Index('UQ_hemispheric_report_round', ['roundId'], { unique: true })
@Index('UQ_hemispheric_report_symbol', ['symbol'], { unique: true })
@Index('IDX_hemispheric_report_adopted_on', ['adoptedOn'])
@Check('CHK_hemispheric_report_status', `"status" IN ('adopted', 'published')`)
@Check(
  'CHK_hemispheric_report_published',
  `("status" = 'published') = ("published_at" IS NOT NULL AND "published_by" IS NOT NULL)`,
)
@Check(
  'CHK_hemispheric_report_method',
  `("adoption_method" = 'consensus' AND "votes_for" IS NULL AND "votes_against" IS NULL AND "abstentions" IS NULL) OR ("adoption_method" = 'vote' AND "votes_for" >= 0 AND "votes_against" >= 0 AND "abstentions" >= 0)`,
)
export class HemisphericReport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_hemispheric_report' })
  id!: string;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId!: string;

  @ManyToOne(() => Round, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_hemispheric_report_round' })
  round?: Round;

  @Column({ type: 'varchar', length: 16 })
  status!: HemisphericReportStatus;

  @Column({ type: 'varchar', length: 120 })
  symbol!: string;

  @Column({ name: 'adoption_method', type: 'varchar', length: 16 })
  adoptionMethod!: 'consensus' | 'vote';

  @Column({ name: 'votes_for', type: 'integer', nullable: true })
  votesFor!: number | null;

  @Column({ name: 'votes_against', type: 'integer', nullable: true })
  votesAgainst!: number | null;

  @Column({ type: 'integer', nullable: true })
  abstentions!: number | null;

  @Column({ type: 'text' })
  meeting!: string;

  @Column({ name: 'adopted_on', type: 'date' })
  adoptedOn!: string;

  @Column({ name: 'adopted_by', type: 'uuid' })
  adoptedBy!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'adopted_by', foreignKeyConstraintName: 'FK_hemispheric_report_adopted_by' })
  adopter?: UserAccount;

  /** The figures as they stood at adoption. */
  @Column({ type: 'jsonb' })
  figures!: HemisphericFigures;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy!: string | null;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'published_by', foreignKeyConstraintName: 'FK_hemispheric_report_published_by' })
  publisher?: UserAccount | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
