import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Round, StateEvaluation } from '@mesecvi/rounds';

/**
 * The compliance dashboard's read model: one narrow row per state evaluation, written only by the
 * database's triggers (migration EvaluationCompliance), never by services. Days overdue depend on
 * the clock and are counted when read.
 */
@Entity({ name: 'evaluation_compliance' })
@Index('IDX_evaluation_compliance_round', ['roundId', 'stateCode'])
@Index('IDX_evaluation_compliance_state', ['stateCode'])
@Index('IDX_evaluation_compliance_round_change', ['roundId', 'changeSeq'])
export class EvaluationCompliance {
  @PrimaryColumn({ name: 'evaluation_id', type: 'uuid', primaryKeyConstraintName: 'PK_evaluation_compliance' })
  evaluationId!: string;

  @OneToOne(() => StateEvaluation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluation_id', foreignKeyConstraintName: 'FK_evaluation_compliance_evaluation' })
  evaluation?: StateEvaluation;

  @Column({ name: 'round_id', type: 'uuid' })
  roundId!: string;

  @Column({ name: 'state_code', type: 'varchar', length: 3 })
  stateCode!: string;

  @Column({ type: 'varchar', length: 32 })
  status!: string;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ name: 'time_zone', type: 'text', nullable: true })
  timeZone!: string | null;

  @Column({ name: 'deadline_version', type: 'integer', nullable: true })
  deadlineVersion!: number | null;

  @Column({ name: 'deadline_status', type: 'varchar', length: 16, nullable: true })
  deadlineStatus!: string | null;

  @Column({ type: 'integer', default: 0 })
  extensions!: number;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'on_time', type: 'boolean', nullable: true })
  onTime!: boolean | null;

  @Column({ name: 'days_late', type: 'integer', nullable: true })
  daysLate!: number | null;

  @Column({ type: 'integer', default: 0 })
  versions!: number;

  @Column({ name: 'reminders_sent', type: 'integer', default: 0 })
  remindersSent!: number;

  @Column({ type: 'integer', default: 0 })
  clarifications!: number;

  @Column({ name: 'open_clarifications', type: 'integer', default: 0 })
  openClarifications!: number;

  /** The row's figures as a compact JSON array (see ComplianceDoc). */
  @Column({ type: 'text' })
  doc!: string;

  /** The round's `seq` of the commit that last recomputed this row (migration ComplianceChangeSequence). */
  @Column({ name: 'change_seq', type: 'bigint', default: 0 })
  changeSeq!: string;
}

/** Evaluations a transaction touched, recomputed into `evaluation_compliance` when it commits (then deleted). */
@Entity({ name: 'evaluation_compliance_pending' })
export class EvaluationCompliancePending {
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'PK_evaluation_compliance_pending' })
  tx!: string;

  @PrimaryColumn({ name: 'evaluation_id', type: 'uuid', primaryKeyConstraintName: 'PK_evaluation_compliance_pending' })
  evaluationId!: string;
}

/** A round's read-model rows as the dashboard serves them: one JSON text per language, rebuilt by the same commit-time trigger. */
@Entity({ name: 'round_compliance' })
export class RoundCompliance {
  @PrimaryColumn({ name: 'round_id', type: 'uuid', primaryKeyConstraintName: 'PK_round_compliance' })
  roundId!: string;

  @OneToOne(() => Round, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id', foreignKeyConstraintName: 'FK_round_compliance_round' })
  round?: Round;

  /** `[doc + the state's name in English, …]` in state order (see ComplianceDoc); likewise in es, fr, pt. */
  @Column({ name: 'docs_en', type: 'text' })
  docsEn!: string;

  @Column({ name: 'docs_es', type: 'text' })
  docsEs!: string;

  @Column({ name: 'docs_fr', type: 'text' })
  docsFr!: string;

  @Column({ name: 'docs_pt', type: 'text' })
  docsPt!: string;

  /**
   * The round's generation: drawn anew when a row may have left the round (or on a full rebuild),
   * so a reader holding another stamp fetches the texts whole.
   */
  @Column({ type: 'uuid' })
  stamp!: string;

  /** Counts the round's changes, in commit order: rows with `change_seq` above a reader's last seen value are the ones to fetch. */
  @Column({ type: 'bigint', default: 0 })
  seq!: string;
}
