import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The recommendations register and its follow-up: each adopted recommendation
 * carries its latest committee rating (`compliance_status`, null until first rated) and whether the
 * rating closed it; `recommendation_rating` keeps one row per recommendation per follow-up
 * evaluation (the rapporteurs' proposal, then the committee's rating recorded by the secretariat);
 * `follow_up_item` maps a generated follow-up questionnaire's items to the recommendations they ask about.
 */
export class RecommendationFollowUp1795403800000 implements MigrationInterface {
  name = 'RecommendationFollowUp1795403800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "recommendation" ADD "translations" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "recommendation" ADD "compliance_status" varchar(32)`);
    await q.query(`ALTER TABLE "recommendation" ADD "closed" boolean NOT NULL DEFAULT false`);
    await q.query(
      `CREATE INDEX "IDX_recommendation_open" ON "recommendation" ("state_code") WHERE "status" = 'adopted' AND NOT "closed"`,
    );
    await q.query(`
      CREATE TABLE "recommendation_rating" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "recommendation_id" varchar(40) NOT NULL,
        "follow_up_evaluation_id" uuid NOT NULL,
        "proposed_value" varchar(32),
        "proposed_justification" text,
        "proposed_by" uuid,
        "proposed_at" timestamptz,
        "value" varchar(32),
        "justification" text,
        "closes" boolean,
        "recorded_by" uuid,
        "recorded_at" timestamptz,
        CONSTRAINT "PK_recommendation_rating" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_recommendation_rating_recorded" CHECK (("value" IS NULL) = ("recorded_at" IS NULL) AND ("value" IS NULL) = ("closes" IS NULL)),
        CONSTRAINT "FK_recommendation_rating_recommendation" FOREIGN KEY ("recommendation_id") REFERENCES "recommendation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_recommendation_rating_evaluation" FOREIGN KEY ("follow_up_evaluation_id") REFERENCES "state_evaluation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_recommendation_rating_proposed_by" FOREIGN KEY ("proposed_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_recommendation_rating_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_recommendation_rating_evaluation" ON "recommendation_rating" ("follow_up_evaluation_id", "recommendation_id")`,
    );
    await q.query(
      `CREATE INDEX "IDX_recommendation_rating_recommendation" ON "recommendation_rating" ("recommendation_id")`,
    );
    await q.query(`
      CREATE TABLE "follow_up_item" (
        "evaluation_id" uuid NOT NULL,
        "item_id" varchar(64) NOT NULL,
        "recommendation_id" varchar(40) NOT NULL,
        CONSTRAINT "PK_follow_up_item" PRIMARY KEY ("evaluation_id", "item_id"),
        CONSTRAINT "FK_follow_up_item_evaluation" FOREIGN KEY ("evaluation_id") REFERENCES "state_evaluation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_follow_up_item_recommendation" FOREIGN KEY ("recommendation_id") REFERENCES "recommendation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_follow_up_item_recommendation" ON "follow_up_item" ("evaluation_id", "recommendation_id")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "follow_up_item"`);
    await q.query(`DROP TABLE "recommendation_rating"`);
    await q.query(`DROP INDEX "IDX_recommendation_open"`);
    await q.query(`ALTER TABLE "recommendation" DROP COLUMN "closed"`);
    await q.query(`ALTER TABLE "recommendation" DROP COLUMN "compliance_status"`);
    await q.query(`ALTER TABLE "recommendation" DROP COLUMN "translations"`);
  }
}
