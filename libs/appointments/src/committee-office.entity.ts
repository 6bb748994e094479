import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '@mesecvi/accounts';
import { Appointment } from './appointment.entity';
import type { CommitteeOfficeName, ElectionMethod, OfficeStatus } from './appointment-vocabulary';

/**
 * A term as Coordinator or Alternate Coordinator of the Committee of Experts, held by an active
 * titular expert: elected by consensus or by vote (with counts), for two years. One current
 * holder per office (a partial unique index).
 */
@Entity({ name: 'committee_office' })
@Index('UQ_committee_office_one_current', ['office'], { unique: true, where: `"status" = 'current'` })
@Index('IDX_committee_office_history', ['office', 'termStart'])
@Index('IDX_committee_office_expert', ['expertUserId'])
@Check('CHK_committee_office_office', `"office" IN ('coordinator', 'alternate_coordinator')`)
@Check('CHK_committee_office_status', `"status" IN ('current', 'ended')`)
@Check('CHK_committee_office_term', `"term_end" > "term_start"`)
@Check(
  'CHK_committee_office_method',
  `("method" = 'consensus' AND "votes_for" IS NULL AND "votes_against" IS NULL AND "abstentions" IS NULL) OR ("method" = 'vote' AND "votes_for" >= 0 AND "votes_against" >= 0 AND "abstentions" >= 0)`,
)
export class CommitteeOffice {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_committee_office' })
  id!: string;

  @Column({ type: 'varchar', length: 24 })
  office!: CommitteeOfficeName;

  @Column({ name: 'appointment_id', type: 'uuid' })
  appointmentId!: string;

  @ManyToOne(() => Appointment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'appointment_id', foreignKeyConstraintName: 'FK_committee_office_appointment' })
  appointment?: Appointment;

  /** The person (their account), so consecutive terms count across renewed appointments. */
  @Column({ name: 'expert_user_id', type: 'uuid' })
  expertUserId!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'expert_user_id', foreignKeyConstraintName: 'FK_committee_office_expert' })
  expert?: UserAccount;

  @Column({ type: 'varchar', length: 16 })
  method!: ElectionMethod;

  @Column({ name: 'votes_for', type: 'integer', nullable: true })
  votesFor!: number | null;

  @Column({ name: 'votes_against', type: 'integer', nullable: true })
  votesAgainst!: number | null;

  @Column({ type: 'integer', nullable: true })
  abstentions!: number | null;

  @Column({ name: 'term_start', type: 'date' })
  termStart!: string;

  @Column({ name: 'term_end', type: 'date' })
  termEnd!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: OfficeStatus;

  /** Set when the term stopped before its planned end (a successor elected, the appointment ended). */
  @Column({ name: 'ended_on', type: 'date', nullable: true })
  endedOn!: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'FK_committee_office_recorded_by' })
  recorder?: UserAccount;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;
}
