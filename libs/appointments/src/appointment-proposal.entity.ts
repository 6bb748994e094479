import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '@mesecvi/accounts';
import type { Language } from '@mesecvi/http';
import { StateParty } from '@mesecvi/states';
import type { AppointmentKind, ProposalStatus } from './appointment-vocabulary';

/**
 * A nomination a state's focal point puts forward with its supporting note. It changes nothing
 * by itself: the secretariat confirms it by recording the appointment, or rejects it.
 */
@Entity({ name: 'appointment_proposal' })
@Index('IDX_appointment_proposal_state', ['stateCode', 'status'])
@Check('CHK_appointment_proposal_kind', `"kind" IN ('titular', 'alternate', 'focal_point')`)
@Check('CHK_appointment_proposal_status', `"status" IN ('proposed', 'confirmed', 'rejected')`)
@Check(
  'CHK_appointment_proposal_language',
  `"person_language" IS NULL OR "person_language" IN ('en', 'es', 'fr', 'pt')`,
)
export class AppointmentProposal {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_appointment_proposal' })
  id!: string;

  @Column({ name: 'state_code', type: 'varchar', length: 3 })
  stateCode!: string;

  @ManyToOne(() => StateParty, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code', foreignKeyConstraintName: 'FK_appointment_proposal_state' })
  state?: StateParty;

  @Column({ type: 'varchar', length: 16 })
  kind!: AppointmentKind;

  @Column({ name: 'person_name', type: 'text' })
  personName!: string;

  @Column({ name: 'person_email', type: 'text' })
  personEmail!: string;

  @Column({ name: 'person_language', type: 'varchar', length: 2, nullable: true })
  personLanguage!: Language | null;

  @Column({ name: 'cv_reference', type: 'text', nullable: true })
  cvReference!: string | null;

  @Column({ name: 'note_reference', type: 'text' })
  noteReference!: string;

  @Column({ name: 'term_start', type: 'date', nullable: true })
  termStart!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: ProposalStatus;

  @Column({ name: 'proposed_by', type: 'uuid' })
  proposedBy!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposed_by', foreignKeyConstraintName: 'FK_appointment_proposal_proposed_by' })
  proposer?: UserAccount;

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;
}
