import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StateParty } from './state-party.entity';

export const CONTACT_KINDS = ['permanent_mission', 'competent_national_authority'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** An official address of a state: its permanent mission to the OAS or its CNA. */
@Entity({ name: 'state_contact' })
@Index('IDX_state_contact_state', ['stateCode'])
@Check('CHK_state_contact_kind', `"kind" IN ('permanent_mission', 'competent_national_authority')`)
export class StateContact {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_state_contact' })
  id!: string;

  @Column({ name: 'state_code', type: 'varchar', length: 3 })
  stateCode!: string;

  @ManyToOne(() => StateParty, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code', foreignKeyConstraintName: 'FK_state_contact_state' })
  state?: StateParty;

  @Column({ type: 'varchar', length: 40 })
  kind!: ContactKind;

  /** Office or person, e.g. "Permanent Mission of Haiti to the OAS". */
  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ name: 'postal_address', type: 'text', nullable: true })
  postalAddress!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
