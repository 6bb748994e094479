import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rounds, state evaluations with their version-0 drafts, extension requests, calendar feeds. */
export class Rounds1795402900000 implements MigrationInterface {
  name = 'Rounds1795402900000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "round" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kind" varchar(16) NOT NULL,
        "name" text NOT NULL,
        "number" integer NOT NULL,
        "evaluation_round_id" uuid,
        "phase" varchar(24) NOT NULL DEFAULT 'planning',
        "questionnaire_version_id" uuid,
        "response_due_date" date,
        "response_days" integer NOT NULL DEFAULT 90,
        "observations_days" integer NOT NULL DEFAULT 30,
        "follow_up_days" integer NOT NULL DEFAULT 90,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "PK_round" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_round_kind" CHECK ("kind" IN ('evaluation', 'follow_up')),
        CONSTRAINT "CHK_round_phase" CHECK ("phase" IN ('planning', 'questionnaire_adopted', 'open_for_responses', 'analysis', 'reports', 'hemispheric_report', 'closed')),
        CONSTRAINT "CHK_round_follow_up_parent" CHECK (("kind" = 'follow_up') = ("evaluation_round_id" IS NOT NULL)),
        CONSTRAINT "CHK_round_periods" CHECK ("response_days" > 0 AND "observations_days" > 0 AND "follow_up_days" > 0),
        CONSTRAINT "FK_round_evaluation_round" FOREIGN KEY ("evaluation_round_id") REFERENCES "round"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_round_questionnaire" FOREIGN KEY ("questionnaire_version_id") REFERENCES "questionnaire_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_round_kind_number" ON "round" ("kind", "number")`);
    await q.query(`
      CREATE TABLE "state_evaluation" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "round_id" uuid NOT NULL,
        "state_code" varchar(3) NOT NULL,
        "questionnaire_version_id" uuid NOT NULL,
        "status" varchar(32) NOT NULL DEFAULT 'invited',
        "response_deadline_id" uuid,
        "distributed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "PK_state_evaluation" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_state_evaluation_status" CHECK ("status" IN ('invited', 'drafting', 'submitted', 'no_response', 'under_review', 'clarification_requested', 'analysed', 'preliminary_report_sent', 'observations_received', 'observations_overdue', 'final_adopted', 'published')),
        CONSTRAINT "FK_state_evaluation_round" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_state_evaluation_state" FOREIGN KEY ("state_code") REFERENCES "state_party"("code") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_state_evaluation_questionnaire" FOREIGN KEY ("questionnaire_version_id") REFERENCES "questionnaire_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_state_evaluation_deadline" FOREIGN KEY ("response_deadline_id") REFERENCES "deadline"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_state_evaluation_round_state" ON "state_evaluation" ("round_id", "state_code")`,
    );
    await q.query(`CREATE INDEX "IDX_state_evaluation_state" ON "state_evaluation" ("state_code")`);
    await q.query(`CREATE INDEX "IDX_state_evaluation_round_status" ON "state_evaluation" ("round_id", "status")`);
    await q.query(`
      CREATE TABLE "answer_draft" (
        "evaluation_id" uuid NOT NULL,
        "document" jsonb NOT NULL DEFAULT '{}',
        "version" integer NOT NULL DEFAULT 0,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_by" uuid,
        CONSTRAINT "PK_answer_draft" PRIMARY KEY ("evaluation_id"),
        CONSTRAINT "FK_answer_draft_evaluation" FOREIGN KEY ("evaluation_id") REFERENCES "state_evaluation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await q.query(`
      CREATE TABLE "extension_request" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "evaluation_id" uuid NOT NULL,
        "requested_date" date NOT NULL,
        "justification" text NOT NULL,
        "requested_by" uuid NOT NULL,
        "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'requested',
        "granted_date" date,
        "decision_reason" text,
        "decided_by" uuid,
        "decided_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_extension_request" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_extension_request_status" CHECK ("status" IN ('requested', 'approved', 'refused')),
        CONSTRAINT "FK_extension_request_evaluation" FOREIGN KEY ("evaluation_id") REFERENCES "state_evaluation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE INDEX "IDX_extension_request_evaluation" ON "extension_request" ("evaluation_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_extension_request_one_open" ON "extension_request" ("evaluation_id") WHERE "status" = 'requested'`,
    );
    await q.query(`
      CREATE TABLE "calendar_feed" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "token_hash" varchar(64) NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_calendar_feed" PRIMARY KEY ("id"),
        CONSTRAINT "FK_calendar_feed_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_calendar_feed_token" ON "calendar_feed" ("token_hash")`);
    await q.query(`CREATE INDEX "IDX_calendar_feed_user" ON "calendar_feed" ("user_id")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "calendar_feed"`);
    await q.query(`DROP TABLE "extension_request"`);
    await q.query(`DROP TABLE "answer_draft"`);
    await q.query(`DROP TABLE "state_evaluation"`);
    await q.query(`DROP TABLE "round"`);
  }
}
