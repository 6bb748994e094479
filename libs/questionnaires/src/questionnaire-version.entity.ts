import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StateParty } from '@mesecvi/states';
import type { SchemaObject } from './schema/json-schema';
import type { QuestionnaireI18n } from './i18n/questionnaire-texts';

export const QUESTIONNAIRE_SOURCES = ['file', 'generated'] as const;
export type QuestionnaireSourceKind = (typeof QUESTIONNAIRE_SOURCES)[number];

/**
 * One immutable questionnaire: its bundled schema and texts, identified by the sha256 of their
 * canonical JSON. Numbered per key (1, 2, …). File versions have no state; a generated one (a
 * state's follow-up questionnaire) may name its state. Once frozen (distributed) a trigger
 * refuses to delete it; the content columns can never be updated at all.
 */
@Entity({ name: 'questionnaire_version' })
@Index('UQ_questionnaire_version_key_version', ['key', 'version'], { unique: true })
@Index('UQ_questionnaire_version_file_content', ['key', 'contentHash'], { unique: true, where: `"source" = 'file'` })
@Index('IDX_questionnaire_version_state', ['stateCode'])
@Check('CHK_questionnaire_version_source', `"source" IN ('file', 'generated')`)
@Check('CHK_questionnaire_version_file_state', `"source" = 'generated' OR "state_code" IS NULL`)
@Check('CHK_questionnaire_version_number', `"version" >= 1`)
export class QuestionnaireVersion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_questionnaire_version' })
  id!: string;

  /** e.g. `evaluation-round`. */
  @Column({ type: 'varchar', length: 100 })
  key!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'content_hash', type: 'varchar', length: 64 })
  contentHash!: string;

  @Column({ type: 'jsonb' })
  schema!: SchemaObject;

  @Column({ type: 'jsonb' })
  i18n!: QuestionnaireI18n;

  @Column({ type: 'varchar', length: 16 })
  source!: QuestionnaireSourceKind;

  @Column({ name: 'state_code', type: 'varchar', length: 3, nullable: true })
  stateCode!: string | null;

  @ManyToOne(() => StateParty, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code', foreignKeyConstraintName: 'FK_questionnaire_version_state' })
  state?: StateParty | null;

  @Column({ name: 'frozen_at', type: 'timestamptz', nullable: true })
  frozenAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
