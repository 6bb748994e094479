import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '@mesecvi/accounts';
import { StateParty } from '@mesecvi/states';

/**
 * An expert's conflict of interest with a state: that expert never evaluates it. Declared by the
 * expert or recorded by the secretariat; one per expert and state.
 */
@Entity({ name: 'conflict_declaration' })
@Index('UQ_conflict_declaration_expert_state', ['expertUserId', 'stateCode'], { unique: true })
@Index('IDX_conflict_declaration_state', ['stateCode'])
export class ConflictDeclaration {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_conflict_declaration' })
  id!: string;

  @Column({ name: 'expert_user_id', type: 'uuid' })
  expertUserId!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'expert_user_id', foreignKeyConstraintName: 'FK_conflict_declaration_expert' })
  expert?: UserAccount;

  @Column({ name: 'state_code', type: 'varchar', length: 3 })
  stateCode!: string;

  @ManyToOne(() => StateParty, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code', foreignKeyConstraintName: 'FK_conflict_declaration_state' })
  state?: StateParty;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'declared_by', type: 'uuid' })
  declaredBy!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'declared_by', foreignKeyConstraintName: 'FK_conflict_declaration_declared_by' })
  declarer?: UserAccount;

  @Column({ name: 'declared_at', type: 'timestamptz' })
  declaredAt!: Date;
}
