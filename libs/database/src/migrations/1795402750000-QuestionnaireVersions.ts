import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Questionnaire versions (libs/questionnaires). Content is immutable: a trigger refuses any
 * UPDATE of the content columns, refuses to unfreeze, and refuses DELETE once frozen (in use by
 * a state evaluation) — for superusers too, like the audit log.
 */
export class QuestionnaireVersions1795402750000 implements MigrationInterface {
  name = 'QuestionnaireVersions1795402750000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "questionnaire_version" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "key" varchar(100) NOT NULL,
        "version" integer NOT NULL,
        "content_hash" varchar(64) NOT NULL,
        "schema" jsonb NOT NULL,
        "i18n" jsonb NOT NULL,
        "source" varchar(16) NOT NULL,
        "state_code" varchar(3),
        "frozen_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_questionnaire_version" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_questionnaire_version_source" CHECK ("source" IN ('file', 'generated')),
        CONSTRAINT "CHK_questionnaire_version_file_state" CHECK ("source" = 'generated' OR "state_code" IS NULL),
        CONSTRAINT "CHK_questionnaire_version_number" CHECK ("version" >= 1),
        CONSTRAINT "FK_questionnaire_version_state" FOREIGN KEY ("state_code") REFERENCES "state_party"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_questionnaire_version_key_version" ON "questionnaire_version" ("key", "version")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_questionnaire_version_file_content" ON "questionnaire_version" ("key", "content_hash") WHERE "source" = 'file'`,
    );
    await q.query(`CREATE INDEX "IDX_questionnaire_version_state" ON "questionnaire_version" ("state_code")`);
    await q.query(`
      CREATE FUNCTION questionnaire_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.frozen_at IS NOT NULL THEN
            RAISE EXCEPTION 'questionnaire_version % is frozen: DELETE refused', OLD.id USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          RETURN OLD;
        END IF;
        IF NEW.key IS DISTINCT FROM OLD.key OR NEW.version IS DISTINCT FROM OLD.version
           OR NEW.content_hash IS DISTINCT FROM OLD.content_hash OR NEW.schema IS DISTINCT FROM OLD.schema
           OR NEW.i18n IS DISTINCT FROM OLD.i18n OR NEW.source IS DISTINCT FROM OLD.source
           OR NEW.state_code IS DISTINCT FROM OLD.state_code OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
          RAISE EXCEPTION 'questionnaire_version % content is immutable: UPDATE refused', OLD.id USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF OLD.frozen_at IS NOT NULL AND NEW.frozen_at IS DISTINCT FROM OLD.frozen_at THEN
          RAISE EXCEPTION 'questionnaire_version % is frozen: UPDATE refused', OLD.id USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER "questionnaire_version_guard" BEFORE UPDATE OR DELETE ON "questionnaire_version"
      FOR EACH ROW EXECUTE FUNCTION questionnaire_version_guard()`);
    await q.query(`
      CREATE FUNCTION questionnaire_version_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'questionnaire_version: TRUNCATE refused' USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER "questionnaire_version_no_truncate" BEFORE TRUNCATE ON "questionnaire_version"
      FOR EACH STATEMENT EXECUTE FUNCTION questionnaire_version_no_truncate()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "questionnaire_version"`);
    await q.query(`DROP FUNCTION questionnaire_version_no_truncate()`);
    await q.query(`DROP FUNCTION questionnaire_version_guard()`);
  }
}
