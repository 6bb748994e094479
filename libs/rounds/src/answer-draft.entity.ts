import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { StateEvaluation } from './state-evaluation.entity';

/**
 * The working draft of a state's answers. Distribution creates it empty at version 0, so the
 * first save already has an ETag to send in If-Match; the submissions library writes it.
 */
@Entity({ name: 'answer_draft' })
export class AnswerDraft {
  @PrimaryColumn({ name: 'evaluation_id', type: 'uuid', primaryKeyConstraintName: 'PK_answer_draft' })
  evaluationId!: string;

  @OneToOne(() => StateEvaluation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluation_id', foreignKeyConstraintName: 'FK_answer_draft_evaluation' })
  evaluation?: StateEvaluation;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  document!: Record<string, unknown>;

  @Column({ type: 'integer', default: 0 })
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;
}
