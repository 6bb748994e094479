import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '@mesecvi/accounts';
import { CountryReport } from './country-report.entity';

/** A corrigendum of an adopted report: the only way it changes; keeps the reason and the text it replaced. */
@Entity({ name: 'country_report_corrigendum' })
@Index('UQ_country_report_corrigendum_revision', ['reportId', 'revision'], { unique: true })
@Check('CHK_country_report_corrigendum_revision', `"revision" >= 1`)
export class CountryReportCorrigendum {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_country_report_corrigendum' })
  id!: string;

  @Column({ name: 'report_id', type: 'uuid' })
  reportId!: string;

  @ManyToOne(() => CountryReport, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'FK_country_report_corrigendum_report' })
  report?: CountryReport;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'changed_sections', type: 'text', array: true })
  changedSections!: string[];

  @Column({ name: 'previous_sections', type: 'jsonb' })
  previousSections!: Record<string, string>;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'FK_country_report_corrigendum_recorded_by' })
  recorder?: UserAccount;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
