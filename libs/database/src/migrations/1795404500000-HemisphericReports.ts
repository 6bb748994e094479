import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hemispheric report of a round: created when the
 * committee adopts it, with the figures frozen at that moment (`figures`), then published.
 * One per round; its document symbol is unique.
 */
export class HemisphericReports1795404500000 implements MigrationInterface {
  name = 'HemisphericReports1795404500000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "hemispheric_report" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "round_id" uuid NOT NULL,
        "status" varchar(16) NOT NULL,
        "symbol" varchar(120) NOT NULL,
        "adoption_method" varchar(16) NOT NULL,
        "votes_for" integer,
        "votes_against" integer,
        "abstentions" integer,
        "meeting" text NOT NULL,
        "adopted_on" date NOT NULL,
        "adopted_by" uuid NOT NULL,
        "figures" jsonb NOT NULL,
        "published_at" TIMESTAMP WITH TIME ZONE,
        "published_by" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_hemispheric_report" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_hemispheric_report_status" CHECK ("status" IN ('adopted', 'published')),
        CONSTRAINT "CHK_hemispheric_report_published" CHECK (("status" = 'published') = ("published_at" IS NOT NULL AND "published_by" IS NOT NULL)),
        CONSTRAINT "CHK_hemispheric_report_method" CHECK (("adoption_method" = 'consensus' AND "votes_for" IS NULL AND "votes_against" IS NULL AND "abstentions" IS NULL) OR ("adoption_method" = 'vote' AND "votes_for" >= 0 AND "votes_against" >= 0 AND "abstentions" >= 0)),
        CONSTRAINT "FK_hemispheric_report_round" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_hemispheric_report_adopted_by" FOREIGN KEY ("adopted_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_hemispheric_report_published_by" FOREIGN KEY ("published_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_hemispheric_report_round" ON "hemispheric_report" ("round_id")`);
    await q.query(`CREATE UNIQUE INDEX "UQ_hemispheric_report_symbol" ON "hemispheric_report" ("symbol")`);
    await q.query(`CREATE INDEX "IDX_hemispheric_report_adopted_on" ON "hemispheric_report" ("adopted_on")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "hemispheric_report"`);
  }
}
