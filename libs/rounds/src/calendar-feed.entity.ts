import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '@mesecvi/accounts';

/**
 * A secret URL serving a person's deadlines as iCalendar (calendar apps send no login token).
 * Only the token's sha256 is kept; revoking sets revoked_at and the URL stops working.
 */
@Entity({ name: 'calendar_feed' })
@Index('UQ_calendar_feed_token', ['tokenHash'], { unique: true })
@Index('IDX_calendar_feed_user', ['userId'])
export class CalendarFeed {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_calendar_feed' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_calendar_feed_user' })
  user?: UserAccount;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
