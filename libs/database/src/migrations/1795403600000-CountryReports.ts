import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Recommendations with stable ids, country reports, the state's observations, corrigenda, document symbol counters. */
export class CountryReports1795403600000 implements MigrationInterface {
  name = 'CountryReports1795403600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "recommendation" (
        "id" varchar(40) NOT NULL,
        "evaluation_id" uuid NOT NULL,
        "state_code" varchar(3) NOT NULL,
        "seq" integer NOT NULL,
        "theme" varchar(40) NOT NULL,
        "articles" text array NOT NULL,
        "text" text NOT NULL,
        "status" varchar(16) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_recommendation" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_recommendation_status" CHECK ("status" IN ('draft', 'adopted', 'withdrawn')),
        CONSTRAINT "CHK_recommendation_seq" CHECK ("seq" >= 1),
        CONSTRAINT "FK_recommendation_evaluation" FOREIGN KEY ("evaluation_id") REFERENCES "state_evaluation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_recommendation_state" FOREIGN KEY ("state_code") REFERENCES "state_party"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_recommendation_evaluation_seq" ON "recommendation" ("evaluation_id", "seq")`,
    );
    await q.query(`CREATE INDEX "IDX_recommendation_state" ON "recommendation" ("state_code", "status")`);
    await q.query(`
      CREATE TABLE "country_report" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "evaluation_id" uuid NOT NULL,
        "state_code" varchar(3) NOT NULL,
        "status" varchar(16) NOT NULL,
        "sections" jsonb NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        "preliminary_sent_at" TIMESTAMP WITH TIME ZONE,
        "observations_deadline_id" uuid,
        "adoption_method" varchar(16),
        "votes_for" integer,
        "votes_against" integer,
        "abstentions" integer,
        "meeting" text,
        "adopted_on" date,
        "adopted_by" uuid,
        "override_reason" text,
        "symbol" varchar(120),
        "revision" integer NOT NULL DEFAULT 0,
        "published_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_country_report" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_country_report_status" CHECK ("status" IN ('draft', 'preliminary', 'adopted', 'published')),
        CONSTRAINT "CHK_country_report_adoption" CHECK (("status" IN ('adopted', 'published')) = ("adopted_on" IS NOT NULL AND "symbol" IS NOT NULL AND "adoption_method" IS NOT NULL)),
        CONSTRAINT "CHK_country_report_method" CHECK ("adoption_method" IS NULL OR ("adoption_method" = 'consensus' AND "votes_for" IS NULL) OR ("adoption_method" = 'vote' AND "votes_for" >= 0 AND "votes_against" >= 0 AND "abstentions" >= 0)),
        CONSTRAINT "FK_country_report_evaluation" FOREIGN KEY ("evaluation_id") REFERENCES "state_evaluation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_country_report_observations_deadline" FOREIGN KEY ("observations_deadline_id") REFERENCES "deadline"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_country_report_adopted_by" FOREIGN KEY ("adopted_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_country_report_evaluation" ON "country_report" ("evaluation_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_country_report_symbol" ON "country_report" ("symbol") WHERE "symbol" IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "IDX_country_report_status" ON "country_report" ("status")`);
    await q.query(`
      CREATE TABLE "report_observation" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "report_id" uuid NOT NULL,
        "recommendation_id" varchar(40),
        "text" text NOT NULL,
        "submitted_by" uuid NOT NULL,
        "submitted_by_role" varchar(32) NOT NULL,
        "on_behalf_channel" varchar(24),
        "on_behalf_reference" text,
        "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_report_observation" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_report_observation_on_behalf" CHECK (("on_behalf_channel" IS NULL) = ("on_behalf_reference" IS NULL) AND ("on_behalf_channel" IS NULL OR "on_behalf_channel" IN ('diplomatic_note', 'email'))),
        CONSTRAINT "FK_report_observation_report" FOREIGN KEY ("report_id") REFERENCES "country_report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_report_observation_recommendation" FOREIGN KEY ("recommendation_id") REFERENCES "recommendation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_report_observation_submitted_by" FOREIGN KEY ("submitted_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE INDEX "IDX_report_observation_report" ON "report_observation" ("report_id")`);
    await q.query(`
      CREATE TABLE "country_report_corrigendum" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "report_id" uuid NOT NULL,
        "revision" integer NOT NULL,
        "reason" text NOT NULL,
        "changed_sections" text array NOT NULL,
        "previous_sections" jsonb NOT NULL,
        "recorded_by" uuid NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_country_report_corrigendum" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_country_report_corrigendum_revision" CHECK ("revision" >= 1),
        CONSTRAINT "FK_country_report_corrigendum_report" FOREIGN KEY ("report_id") REFERENCES "country_report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_country_report_corrigendum_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_country_report_corrigendum_revision" ON "country_report_corrigendum" ("report_id", "revision")`,
    );
    await q.query(`
      CREATE TABLE "document_symbol_counter" (
        "year" integer NOT NULL,
        "last_value" integer NOT NULL,
        CONSTRAINT "PK_document_symbol_counter" PRIMARY KEY ("year")
      )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "document_symbol_counter"`);
    await q.query(`DROP TABLE "country_report_corrigendum"`);
    await q.query(`DROP TABLE "report_observation"`);
    await q.query(`DROP TABLE "country_report"`);
    await q.query(`DROP TABLE "recommendation"`);
  }
}
