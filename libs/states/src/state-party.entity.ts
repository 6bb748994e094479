import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { Language } from '@mesecvi/http';

export const OAS_MEMBERSHIP = ['member', 'withdrawn', 'contested'] as const;
export type OasMembership = (typeof OAS_MEMBERSHIP)[number];

/**
 * A state party to the Convention. Treaty status (ratification) and OAS membership are kept
 * apart: Nicaragua has withdrawn from the OAS and remains a party to the Convention.
 */
@Entity({ name: 'state_party' })
@Check('CHK_state_party_working_language', `"working_language" IN ('en', 'es', 'fr', 'pt')`)
@Check('CHK_state_party_oas_membership', `"oas_membership" IN ('member', 'withdrawn', 'contested')`)
export class StateParty {
  @PrimaryColumn({ type: 'varchar', length: 3, primaryKeyConstraintName: 'PK_state_party' })
  code!: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn!: string;

  @Column({ name: 'name_es', type: 'text' })
  nameEs!: string;

  @Column({ name: 'name_fr', type: 'text' })
  nameFr!: string;

  @Column({ name: 'name_pt', type: 'text' })
  namePt!: string;

  @Column({ name: 'working_language', type: 'varchar', length: 2 })
  workingLanguage!: Language;

  @Column({ name: 'oas_membership', type: 'varchar', length: 16, default: 'member' })
  oasMembership!: OasMembership;

  /** Empty until the secretariat enters it from the OAS treaty table. */
  @Column({ name: 'ratification_date', type: 'date', nullable: true })
  ratificationDate!: string | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt!: Date | null;
}
