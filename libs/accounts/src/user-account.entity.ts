import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StateParty } from '@mesecvi/states';
import type { Language, Role } from '@mesecvi/http';

export const ACCOUNT_STATUSES = ['invited', 'active', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/**
 * A person who uses the platform. State-bound roles and experts carry a state (for an expert,
 * the state that appointed them); the secretariat carries none. At most one focal point per
 * state that is not disabled: a partial unique index, so two concurrent invitations cannot both win.
 */
@Entity({ name: 'user_account' })
@Index('UQ_user_account_email', ['email'], { unique: true })
@Index('UQ_user_account_one_focal_point', ['stateCode'], {
  unique: true,
  where: `"role" = 'state_focal_point' AND "status" <> 'disabled'`,
})
@Index('IDX_user_account_state', ['stateCode', 'role'])
@Check(
  'CHK_user_account_role',
  `"role" IN ('secretariat', 'state_focal_point', 'state_contributor', 'committee_expert')`,
)
@Check('CHK_user_account_status', `"status" IN ('invited', 'active', 'disabled')`)
@Check('CHK_user_account_language', `"preferred_language" IS NULL OR "preferred_language" IN ('en', 'es', 'fr', 'pt')`)
@Check('CHK_user_account_state_binding', `("role" = 'secretariat') = ("state_code" IS NULL)`)
export class UserAccount {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_user_account' })
  id!: string;

  /** Stored lower-cased; the unique index therefore ignores case. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'preferred_language', type: 'varchar', length: 2, nullable: true })
  preferredLanguage!: Language | null;

  @Column({ type: 'varchar', length: 32 })
  role!: Role;

  @Column({ name: 'state_code', type: 'varchar', length: 3, nullable: true })
  stateCode!: string | null;

  @ManyToOne(() => StateParty, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code', foreignKeyConstraintName: 'FK_user_account_state' })
  state?: StateParty | null;

  @Column({ type: 'varchar', length: 16 })
  status!: AccountStatus;

  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'integer', default: 1 })
  version!: number;
}
