import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import {
  DEADLINE_KINDS,
  RECIPIENT_ROLES,
  REMINDER_TEMPLATES,
  sqlList,
  type DeadlineKind,
  type RecipientRole,
  type ReminderTemplate,
} from '../deadline-vocabulary';

/**
 * One rung of a reminder ladder (data, edited by the secretariat): "N days before/after the due
 * date, at this local time, to these roles, with this template, at most this many times per
 * deadline". A rule removed from a ladder is retired, not deleted: reminders keep pointing at it.
 */
@Entity({ name: 'reminder_rule' })
@Index('UQ_reminder_rule_offset', ['deadlineKind', 'offsetDays'], { unique: true, where: `"retired_at" IS NULL` })
@Check('CHK_reminder_rule_kind', `"deadline_kind" IN (${sqlList(DEADLINE_KINDS)})`)
@Check('CHK_reminder_rule_template', `"template" IN (${sqlList(REMINDER_TEMPLATES)})`)
@Check(
  'CHK_reminder_rule_roles',
  `cardinality("recipient_roles") >= 1 AND "recipient_roles" <@ ARRAY[${sqlList(RECIPIENT_ROLES)}]::text[]`,
)
@Check('CHK_reminder_rule_offset', `"offset_days" BETWEEN -366 AND 366`)
@Check('CHK_reminder_rule_time', `"time_of_day" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`)
@Check('CHK_reminder_rule_max_count', `"max_count" BETWEEN 1 AND 100`)
export class ReminderRule {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_reminder_rule' })
  id!: string;

  @Column({ name: 'deadline_kind', type: 'varchar', length: 40 })
  deadlineKind!: DeadlineKind;

  /** Days from the due date: −7 = seven days before, +1 = the day after. */
  @Column({ name: 'offset_days', type: 'integer' })
  offsetDays!: number;

  /** HH:MM, local time in the deadline's time zone. */
  @Column({ name: 'time_of_day', type: 'varchar', length: 5, default: '09:00' })
  timeOfDay!: string;

  @Column({ name: 'recipient_roles', type: 'text', array: true })
  recipientRoles!: RecipientRole[];

  @Column({ type: 'varchar', length: 40 })
  template!: ReminderTemplate;

  /** How many reminders of this rule one deadline may cause over all its versions (extensions). */
  @Column({ name: 'max_count', type: 'integer', default: 3 })
  maxCount!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;
}
