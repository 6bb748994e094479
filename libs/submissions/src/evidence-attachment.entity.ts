import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { StateEvaluation } from '@mesecvi/rounds';
import { StateParty } from '@mesecvi/states';

/** An evidence file uploaded for a state's evaluation; answers cite it by id. Immutable. */
@Entity({ name: 'evidence_attachment' })
@Index('IDX_evidence_attachment_evaluation', ['evaluationId'])
@Index('IDX_evidence_attachment_state', ['stateCode'])
@Check('CHK_evidence_attachment_size', `"size_bytes" > 0`)
export class EvidenceAttachment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_evidence_attachment' })
  id!: string;

  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId!: string;

  @ManyToOne(() => StateEvaluation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evaluation_id', foreignKeyConstraintName: 'FK_evidence_attachment_evaluation' })
  evaluation?: StateEvaluation;

  /** The state it belongs to: answers of this state (in any round) may cite it, no other state's. */
  @Column({ name: 'state_code', type: 'varchar', length: 3 })
  stateCode!: string;

  @ManyToOne(() => StateParty, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_code', foreignKeyConstraintName: 'FK_evidence_attachment_state' })
  state?: StateParty;

  @Column({ type: 'varchar', length: 255 })
  filename!: string;

  /** Detected from the content, not taken from the client. */
  @Column({ name: 'media_type', type: 'varchar', length: 128 })
  mediaType!: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy!: string;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt!: Date;
}

/** The bytes, apart from the metadata so listings never load them. */
@Entity({ name: 'evidence_attachment_content' })
export class EvidenceAttachmentContent {
  @PrimaryColumn({ name: 'attachment_id', type: 'uuid', primaryKeyConstraintName: 'PK_evidence_attachment_content' })
  attachmentId!: string;

  @OneToOne(() => EvidenceAttachment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'attachment_id', foreignKeyConstraintName: 'FK_evidence_attachment_content_attachment' })
  attachment?: EvidenceAttachment;

  @Column({ type: 'bytea' })
  content!: Buffer;
}
