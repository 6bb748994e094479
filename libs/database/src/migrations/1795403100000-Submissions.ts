import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * State-party submissions: immutable submitted versions, per-item edit marks on drafts, evidence
 * attachments (bytes in PostgreSQL, so backups and transactions include them), idempotency keys
 * of submit requests, and the secretariat's clarification requests.
 */
export class Submissions1795403100000 implements MigrationInterface {
  name = 'Submissions1795403100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "submission" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "evaluation_id" uuid NOT NULL,
        "version_number" integer NOT NULL,
        "event" varchar(40) NOT NULL,
        "questionnaire_version_id" uuid NOT NULL,
        "validator_version" varchar(64) NOT NULL,
        "canonical_json" text NOT NULL,
        "sha256" varchar(64) NOT NULL,
        "submitted_by" uuid NOT NULL,
        "submitted_by_role" varchar(32) NOT NULL,
        "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "on_behalf_channel" varchar(24),
        "on_behalf_reference" text,
        "due_date" date,
        "on_time" boolean NOT NULL,
        "days_late" integer NOT NULL,
        CONSTRAINT "PK_submission" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_submission_on_behalf" CHECK (("on_behalf_channel" IS NULL) = ("on_behalf_reference" IS NULL) AND ("on_behalf_channel" IS NULL OR "on_behalf_channel" IN ('diplomatic_note', 'email'))),
        CONSTRAINT "CHK_submission_timing" CHECK ("days_late" >= 0 AND "on_time" = ("days_late" = 0)),
        CONSTRAINT "CHK_submission_sha256" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
        CONSTRAINT "FK_submission_evaluation" FOREIGN KEY ("evaluation_id") REFERENCES "state_evaluation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_submission_questionnaire" FOREIGN KEY ("questionnaire_version_id") REFERENCES "questionnaire_version"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_submission_evaluation_version" ON "submission" ("evaluation_id", "version_number")`,
    );
    await q.query(`
      CREATE TABLE "answer_item_edit" (
        "evaluation_id" uuid NOT NULL,
        "item_id" varchar(64) NOT NULL,
        "edited_by" uuid,
        "edited_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "prefilled_from" uuid,
        CONSTRAINT "PK_answer_item_edit" PRIMARY KEY ("evaluation_id", "item_id"),
        CONSTRAINT "FK_answer_item_edit_evaluation" FOREIGN KEY ("evaluation_id") REFERENCES "state_evaluation"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "FK_answer_item_edit_prefill" FOREIGN KEY ("prefilled_from") REFERENCES "submission"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(`
      CREATE TABLE "evidence_attachment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "evaluation_id" uuid NOT NULL,
        "state_code" varchar(3) NOT NULL,
        "filename" varchar(255) NOT NULL,
        "media_type" varchar(128) NOT NULL,
        "size_bytes" integer NOT NULL,
        "sha256" varchar(64) NOT NULL,
        "uploaded_by" uuid NOT NULL,
        "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_evidence_attachment" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_evidence_attachment_size" CHECK ("size_bytes" > 0),
        CONSTRAINT "FK_evidence_attachment_evaluation" FOREIGN KEY ("evaluation_id") REFERENCES "state_evaluation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_evidence_attachment_state" FOREIGN KEY ("state_code") REFERENCES "state_party"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE INDEX "IDX_evidence_attachment_evaluation" ON "evidence_attachment" ("evaluation_id")`);
    await q.query(`CREATE INDEX "IDX_evidence_attachment_state" ON "evidence_attachment" ("state_code")`);
    await q.query(`
      CREATE TABLE "evidence_attachment_content" (
        "attachment_id" uuid NOT NULL,
        "content" bytea NOT NULL,
        CONSTRAINT "PK_evidence_attachment_content" PRIMARY KEY ("attachment_id"),
        CONSTRAINT "FK_evidence_attachment_content_attachment" FOREIGN KEY ("attachment_id") REFERENCES "evidence_attachment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    // PDFs, images and office files are compressed already: do not spend CPU trying again.
    await q.query(`ALTER TABLE "evidence_attachment_content" ALTER COLUMN "content" SET STORAGE EXTERNAL`);
    await q.query(`
      CREATE TABLE "submission_idempotency" (
        "user_id" uuid NOT NULL,
        "idempotency_key" varchar(255) NOT NULL,
        "request_hash" varchar(64) NOT NULL,
        "submission_id" uuid NOT NULL,
        "response" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_submission_idempotency" PRIMARY KEY ("user_id", "idempotency_key"),
        CONSTRAINT "FK_submission_idempotency_submission" FOREIGN KEY ("submission_id") REFERENCES "submission"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(`
      CREATE TABLE "clarification_request" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "evaluation_id" uuid NOT NULL,
        "message" text NOT NULL,
        "due_date" date,
        "from_status" varchar(32) NOT NULL,
        "based_on_submission_id" uuid NOT NULL,
        "requested_by" uuid NOT NULL,
        "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "answered_by_submission_id" uuid,
        "answered_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_clarification_request" PRIMARY KEY ("id"),
        CONSTRAINT "FK_clarification_request_evaluation" FOREIGN KEY ("evaluation_id") REFERENCES "state_evaluation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_clarification_request_based_on" FOREIGN KEY ("based_on_submission_id") REFERENCES "submission"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_clarification_request_answer" FOREIGN KEY ("answered_by_submission_id") REFERENCES "submission"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE INDEX "IDX_clarification_request_evaluation" ON "clarification_request" ("evaluation_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_clarification_request_one_open" ON "clarification_request" ("evaluation_id") WHERE "answered_at" IS NULL`,
    );

    // Submitted versions and evidence bytes never change and are never removed.
    await q.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public, pg_temp
      AS $$
      BEGIN
        RAISE EXCEPTION '% is immutable: % refused', TG_TABLE_NAME, TG_OP;
      END
      $$
    `);
    for (const table of ['submission', 'evidence_attachment', 'evidence_attachment_content']) {
      await q.query(
        `CREATE TRIGGER "${table}_immutable" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      );
      await q.query(
        `CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'clarification_request',
      'submission_idempotency',
      'evidence_attachment_content',
      'evidence_attachment',
      'answer_item_edit',
      'submission',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
    await q.query(`DROP FUNCTION refuse_change()`);
  }
}
