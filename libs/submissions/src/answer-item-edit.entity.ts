import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StateEvaluation } from '@mesecvi/rounds';
import { Submission } from './submission.entity';

/** Who last changed one item of a draft and when; `prefilledFrom` until someone edits a carried-over answer. */
@Entity({ name: 'answer_item_edit' })
export class AnswerItemEdit {
  @PrimaryColumn({ name: 'evaluation_id', type: 'uuid', primaryKeyConstraintName: 'PK_answer_item_edit' })
  evaluationId!: string;

  @PrimaryColumn({ name: 'item_id', type: 'varchar', length: 64, primaryKeyConstraintName: 'PK_answer_item_edit' })
  itemId!: string;

  @ManyToOne(() => StateEvaluation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evaluation_id', foreignKeyConstraintName: 'FK_answer_item_edit_evaluation' })
  evaluation?: StateEvaluation;

  @Column({ name: 'edited_by', type: 'uuid', nullable: true })
  editedBy!: string | null;

  @Column({ name: 'edited_at', type: 'timestamptz' })
  editedAt!: Date;

  @Column({ name: 'prefilled_from', type: 'uuid', nullable: true })
  prefilledFrom!: string | null;

  @ManyToOne(() => Submission, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'prefilled_from', foreignKeyConstraintName: 'FK_answer_item_edit_prefill' })
  prefilledFromSubmission?: Submission | null;
}
