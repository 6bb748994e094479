import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserAccount } from '@mesecvi/accounts';
import { StateEvaluation } from '@mesecvi/rounds';
import { Submission } from '@mesecvi/submissions';

export const COMMENT_VISIBILITIES = ['committee', 'state'] as const;
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

/**
 * A review comment on a state's answers: anchored to a JSON pointer of an answer (or general),
 * seen by the committee only or shared with the state, threaded (a reply names its thread's
 * first comment) and resolvable (threads only).
 */
@Entity({ name: 'review_comment' })
@Index('IDX_review_comment_evaluation', ['evaluationId', 'createdAt'])
@Index('IDX_review_comment_parent', ['parentId'])
@Check('CHK_review_comment_visibility', `"visibility" IN ('committee', 'state')`)
@Check(
  'CHK_review_comment_resolution',
  `("resolved_at" IS NULL) = ("resolved_by" IS NULL) AND ("parent_id" IS NULL OR "resolved_at" IS NULL)`,
)
export class ReviewComment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_review_comment' })
  id!: string;

  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId!: string;

  @ManyToOne(() => StateEvaluation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evaluation_id', foreignKeyConstraintName: 'FK_review_comment_evaluation' })
  evaluation?: StateEvaluation;

  /** The submitted version the comment was written against (the latest one at the time). */
  @Column({ name: 'submission_id', type: 'uuid', nullable: true })
  submissionId!: string | null;

  @ManyToOne(() => Submission, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submission_id', foreignKeyConstraintName: 'FK_review_comment_submission' })
  submission?: Submission | null;

  /** JSON pointer of the answer; null for a general comment. */
  @Column({ type: 'varchar', length: 512, nullable: true })
  pointer!: string | null;

  @Column({ type: 'varchar', length: 16 })
  visibility!: CommentVisibility;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => ReviewComment, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_review_comment_parent' })
  parent?: ReviewComment | null;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId!: string;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_user_id', foreignKeyConstraintName: 'FK_review_comment_author' })
  author?: UserAccount;

  @Column({ name: 'author_role', type: 'varchar', length: 32 })
  authorRole!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy!: string | null;

  @ManyToOne(() => UserAccount, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resolved_by', foreignKeyConstraintName: 'FK_review_comment_resolved_by' })
  resolver?: UserAccount | null;
}
