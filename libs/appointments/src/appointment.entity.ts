import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '@mesecvi/accounts';
import type { Language } from '@mesecvi/http';
import { StateParty } from '@mesecvi/states';
import { AppointmentProposal } from './appointment-proposal.entity';
import type { AppointmentEndReason, AppointmentKind, AppointmentStatus } from './appointment-vocabulary';

/**
 * A state's formal notification of who holds one of its seats: its expert on the Committee of
 * Experts (titular), the alternate, or its CNA focal point. History is kept: a replaced or ended
 * appointment stays as a row. The database itself allows one active holder per state and seat,
 * one successor per appointment, and no term that ends before it starts.
 */
@Entity({ name: 'appointment' })
@Index('UQ_appointment_one_active', ['stateCode', 'kind'], { unique: true, where: `"status" = 'active'` })
@Index('UQ_appointment_replaces', ['replacesId'], { unique: true, where: `"replaces_id" IS NOT NULL` })
@Index('IDX_appointment_state', ['stateCode', 'kind', 'termStart'])
@Index('IDX_appointment_user', ['userId'])
@Check('CHK_appointment_kind', `"kind" IN ('titular', 'alternate', 'focal_point')`)
@Check('CHK_appointment_status', `"status" IN ('active', 'ended', 'withdrawn')`)
@Check(
  'CHK_appointment_end_reason',
  `("status" = 'active') = ("end_reason" IS NULL) AND ("end_reason" IS NULL OR "end_reason" IN ('replaced', 'term_end', 'withdrawn'))`,
)
@Check('CHK_appointment_term', `"term_end" IS NULL OR "term_end" >= "term_start"`)
@Check('CHK_appointment_language', `"person_language" IS NULL OR "person_language" IN ('en', 'es', 'fr', 'pt')`)
export class Appointment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_appointment' })
  id!: string;

  @Column({ name: 'state_code', type: 'varchar', length: 3 })
  stateCode!: string;

  @ManyToOne(() => StateParty, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code', foreignKeyConstraintName: 'FK_appointment_state' })
  state?: StateParty;

  @Column({ type: 'varchar', length: 16 })
  kind!: AppointmentKind;

  @Column({ name: 'person_name', type: 'text' })
  personName!: string;

  /** Stored lower-cased: it is the e-mail of the account the person gets. */
  @Column({ name: 'person_email', type: 'text' })
  personEmail!: string;

  @Column({ name: 'person_language', type: 'varchar', length: 2, nullable: true })
  personLanguage!: Language | null;

  /** A reference to the CV as an attachment (a document id or URL), not the document itself. */
  @Column({ name: 'cv_reference', type: 'text', nullable: true })
  cvReference!: string | null;

  /** The state's note verbale (or letter) that notified the appointment, and when it arrived. */
  @Column({ name: 'note_reference', type: 'text' })
  noteReference!: string;

  @Column({ name: 'notified_on', type: 'date' })
  notifiedOn!: string;

  @Column({ name: 'term_start', type: 'date' })
  termStart!: string;

  /** Planned or actual end; an active appointment with a term end ends on that date (deadline-passed handler). */
  @Column({ name: 'term_end', type: 'date', nullable: true })
  termEnd!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: AppointmentStatus;

  @Column({ name: 'end_reason', type: 'varchar', length: 16, nullable: true })
  endReason!: AppointmentEndReason | null;

  @Column({ name: 'replaces_id', type: 'uuid', nullable: true })
  replacesId!: string | null;

  @ManyToOne(() => Appointment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'replaces_id', foreignKeyConstraintName: 'FK_appointment_replaces' })
  replaces?: Appointment | null;

  /** The account the person was given (committee_expert or state_focal_point). */
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_appointment_user' })
  user?: UserAccount | null;

  /** The focal point's proposal this appointment confirmed, if any. */
  @Column({ name: 'proposal_id', type: 'uuid', nullable: true })
  proposalId!: string | null;

  @ManyToOne(() => AppointmentProposal, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposal_id', foreignKeyConstraintName: 'FK_appointment_proposal' })
  proposal?: AppointmentProposal | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'FK_appointment_recorded_by' })
  recorder?: UserAccount;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;
}
