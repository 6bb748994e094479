import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '@mesecvi/accounts';
import type { AppointmentKind } from './appointment-vocabulary';

/** The secretariat's request to states parties to appoint or confirm seats, with a reply date. */
@Entity({ name: 'appointment_request' })
@Index('IDX_appointment_request_opened', ['openedAt'])
@Check(
  'CHK_appointment_request_kinds',
  `cardinality("kinds") >= 1 AND "kinds" <@ ARRAY['titular', 'alternate', 'focal_point']::text[]`,
)
export class AppointmentRequest {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_appointment_request' })
  id!: string;

  /** The seats asked for; a state's request is answered once each has been recorded. */
  @Column({ type: 'text', array: true })
  kinds!: AppointmentKind[];

  @Column({ type: 'text' })
  message!: string;

  @Column({ name: 'reply_date', type: 'date' })
  replyDate!: string;

  @Column({ name: 'opened_by', type: 'uuid' })
  openedBy!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opened_by', foreignKeyConstraintName: 'FK_appointment_request_opened_by' })
  opener?: UserAccount;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;
}
