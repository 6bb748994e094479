import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { QuestionnaireVersion } from '@mesecvi/questionnaires';
import { StateEvaluation } from '@mesecvi/rounds';

export const ON_BEHALF_CHANNELS = ['diplomatic_note', 'email'] as const;
export type OnBehalfChannel = (typeof ON_BEHALF_CHANNELS)[number];

/**
 * One submitted version of a state's answers, frozen: the canonical JSON that was validated and
 * its sha256, with what it was validated against. A trigger refuses UPDATE and DELETE.
 */
@Entity({ name: 'submission' })
@Index('UQ_submission_evaluation_version', ['evaluationId', 'versionNumber'], { unique: true })
@Check(
  'CHK_submission_on_behalf',
  `("on_behalf_channel" IS NULL) = ("on_behalf_reference" IS NULL) AND ("on_behalf_channel" IS NULL OR "on_behalf_channel" IN ('diplomatic_note', 'email'))`,
)
@Check('CHK_submission_timing', `"days_late" >= 0 AND "on_time" = ("days_late" = 0)`)
@Check('CHK_submission_sha256', `"sha256" ~ '^[0-9a-f]{64}$'`)
export class Submission {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_submission' })
  id!: string;

  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId!: string;

  @ManyToOne(() => StateEvaluation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evaluation_id', foreignKeyConstraintName: 'FK_submission_evaluation' })
  evaluation?: StateEvaluation;

  @Column({ name: 'version_number', type: 'integer' })
  versionNumber!: number;

  /** The status-machine event it caused: `submit`, `resubmit_with_rapporteurs`, `resubmit_without_rapporteurs`. */
  @Column({ type: 'varchar', length: 40 })
  event!: string;

  @Column({ name: 'questionnaire_version_id', type: 'uuid' })
  questionnaireVersionId!: string;

  @ManyToOne(() => QuestionnaireVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'questionnaire_version_id', foreignKeyConstraintName: 'FK_submission_questionnaire' })
  questionnaireVersion?: QuestionnaireVersion;

  @Column({ name: 'validator_version', type: 'varchar', length: 64 })
  validatorVersion!: string;

  /** The exact text hashed: keys sorted at every depth, no whitespace. */
  @Column({ name: 'canonical_json', type: 'text' })
  canonicalJson!: string;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ name: 'submitted_by', type: 'uuid' })
  submittedBy!: string;

  @Column({ name: 'submitted_by_role', type: 'varchar', length: 32 })
  submittedByRole!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  /** Set when the secretariat recorded answers received by diplomatic note or e-mail. */
  @Column({ name: 'on_behalf_channel', type: 'varchar', length: 24, nullable: true })
  onBehalfChannel!: OnBehalfChannel | null;

  @Column({ name: 'on_behalf_reference', type: 'text', nullable: true })
  onBehalfReference!: string | null;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ name: 'on_time', type: 'boolean' })
  onTime!: boolean;

  @Column({ name: 'days_late', type: 'integer' })
  daysLate!: number;
}
