import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StateParty } from '@mesecvi/states';
import { AppointmentRequest } from './appointment-request.entity';
import type { AppointmentKind, RequestTargetStatus } from './appointment-vocabulary';

/** One state's part of an appointment request: pending until answered or declined, with dates. */
@Entity({ name: 'appointment_request_target' })
@Index('UQ_appointment_request_target_state', ['requestId', 'stateCode'], { unique: true })
@Index('IDX_appointment_request_target_pending', ['stateCode'], { where: `"status" = 'pending'` })
@Check('CHK_appointment_request_target_status', `"status" IN ('pending', 'answered', 'declined')`)
@Check(
  'CHK_appointment_request_target_dates',
  `("status" = 'answered') = ("answered_at" IS NOT NULL) AND ("status" = 'declined') = ("declined_at" IS NOT NULL)`,
)
export class AppointmentRequestTarget {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_appointment_request_target' })
  id!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @ManyToOne(() => AppointmentRequest, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'FK_appointment_request_target_request' })
  request?: AppointmentRequest;

  @Column({ name: 'state_code', type: 'varchar', length: 3 })
  stateCode!: string;

  @ManyToOne(() => StateParty, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code', foreignKeyConstraintName: 'FK_appointment_request_target_state' })
  state?: StateParty;

  @Column({ type: 'varchar', length: 16 })
  status!: RequestTargetStatus;

  /** The requested seats recorded so far for this state since the request was opened. */
  @Column({ name: 'answered_kinds', type: 'text', array: true })
  answeredKinds!: AppointmentKind[];

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'declined_at', type: 'timestamptz', nullable: true })
  declinedAt!: Date | null;

  @Column({ name: 'decline_note', type: 'text', nullable: true })
  declineNote!: string | null;

  /** How many times the request was mailed to the state (1 + re-sends). */
  @Column({ name: 'sent_count', type: 'integer' })
  sentCount!: number;

  @Column({ name: 'last_sent_at', type: 'timestamptz' })
  lastSentAt!: Date;

  /** The state's reply deadline in the deadlines engine, once created. */
  @Column({ name: 'deadline_id', type: 'uuid', nullable: true })
  deadlineId!: string | null;
}
