import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Review comments on state answers: anchored, committee-only or shared with the state, threaded, resolvable. */
export class ReviewComments1795403500000 implements MigrationInterface {
  name = 'ReviewComments1795403500000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "review_comment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "evaluation_id" uuid NOT NULL,
        "submission_id" uuid,
        "pointer" varchar(512),
        "visibility" varchar(16) NOT NULL,
        "parent_id" uuid,
        "body" text NOT NULL,
        "author_user_id" uuid NOT NULL,
        "author_role" varchar(32) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "resolved_at" TIMESTAMP WITH TIME ZONE,
        "resolved_by" uuid,
        CONSTRAINT "PK_review_comment" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_review_comment_visibility" CHECK ("visibility" IN ('committee', 'state')),
        CONSTRAINT "CHK_review_comment_resolution" CHECK (("resolved_at" IS NULL) = ("resolved_by" IS NULL) AND ("parent_id" IS NULL OR "resolved_at" IS NULL)),
        CONSTRAINT "FK_review_comment_evaluation" FOREIGN KEY ("evaluation_id") REFERENCES "state_evaluation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_review_comment_submission" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_review_comment_parent" FOREIGN KEY ("parent_id") REFERENCES "review_comment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_review_comment_author" FOREIGN KEY ("author_user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_review_comment_resolved_by" FOREIGN KEY ("resolved_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE INDEX "IDX_review_comment_evaluation" ON "review_comment" ("evaluation_id", "created_at")`);
    await q.query(`CREATE INDEX "IDX_review_comment_parent" ON "review_comment" ("parent_id")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "review_comment"`);
  }
}
