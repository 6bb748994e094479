import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StateParty } from '@mesecvi/states';
import {
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  sqlList,
  type DeadlineKind,
  type DeadlineStatus,
  type TitleTranslations,
} from '../deadline-vocabulary';

/**
 * A deadline on a subject (an evaluation, a request, a report…) for one state party: a calendar
 * date in a time zone, due at the end of that day. `version` grows with every move (extension or
 * correction); reminders are planned per version. At most one live deadline per kind and subject
 * and state (cancelled ones do not count).
 */
@Entity({ name: 'deadline' })
@Index('UQ_deadline_subject', ['kind', 'subjectType', 'subjectId', 'stateCode'], {
  unique: true,
  where: `"status" <> 'cancelled'`,
})
@Index('IDX_deadline_state_due', ['stateCode', 'dueDate'])
@Index('IDX_deadline_open_due_at', ['dueAt'], { where: `"status" = 'open'` })
@Check('CHK_deadline_kind', `"kind" IN (${sqlList(DEADLINE_KINDS)})`)
@Check('CHK_deadline_status', `"status" IN (${sqlList(DEADLINE_STATUSES)})`)
@Check('CHK_deadline_title', `"kind" <> 'ad_hoc' OR "title" IS NOT NULL`)
export class Deadline {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_deadline' })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: DeadlineKind;

  /** What the deadline belongs to, e.g. `state_evaluation`; ad-hoc deadlines share one request id. */
  @Column({ name: 'subject_type', type: 'varchar', length: 60 })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId!: string;

  @Column({ name: 'state_code', type: 'varchar', length: 3 })
  stateCode!: string;

  @ManyToOne(() => StateParty, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code', foreignKeyConstraintName: 'FK_deadline_state' })
  state?: StateParty;

  /** What is due, in the secretariat's words (ad-hoc deadlines only). */
  @Column({ type: 'text', nullable: true })
  title!: string | null;

  /** The title in the other working languages, when the secretariat gave them; `title` is the fallback. */
  @Column({ name: 'title_translations', type: 'jsonb', nullable: true })
  titleTranslations!: TitleTranslations | null;

  @Column({ name: 'due_date', type: 'date' })
  dueDate!: string;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  /** The instant the due day ends in `time_zone`; derived from both, kept for indexed sweeps. */
  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: DeadlineStatus;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
