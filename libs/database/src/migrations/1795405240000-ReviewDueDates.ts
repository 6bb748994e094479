import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS_BEFORE = `'appointment_reply', 'response', 'clarification', 'observations', 'follow_up', 'ad_hoc', 'appointment_end'`;
const KINDS_AFTER = `${KINDS_BEFORE}, 'review'`;
const ROLES_BEFORE = `'focal_point', 'contributors', 'appointed_expert', 'permanent_mission', 'secretariat'`;
const ROLES_AFTER = `${ROLES_BEFORE}, 'rapporteurs'`;

/**
 * The rapporteurs' review of an evaluation gets a due date: a `review` deadline on the evaluation,
 * whose ladder mails each rapporteur with an open assignment (the `rapporteurs` recipient role)
 * seven days before, at 09:00 in the mechanism's time zone.
 */
export class ReviewDueDates1795405240000 implements MigrationInterface {
  name = 'ReviewDueDates1795405240000';

  public async up(q: QueryRunner): Promise<void> {
    await this.checks(q, KINDS_AFTER, ROLES_AFTER);
    await q.query(
      `INSERT INTO "reminder_rule" ("deadline_kind", "offset_days", "recipient_roles", "template", "created_at", "updated_at") VALUES ('review', -7, ARRAY['rapporteurs'], 'deadline_reminder', now(), now())`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM "reminder" WHERE "deadline_id" IN (SELECT "id" FROM "deadline" WHERE "kind" = 'review') OR "recipient_role" = 'rapporteurs'`,
    );
    await q.query(
      `DELETE FROM "deadline_version" WHERE "deadline_id" IN (SELECT "id" FROM "deadline" WHERE "kind" = 'review')`,
    );
    await q.query(`DELETE FROM "deadline" WHERE "kind" = 'review'`);
    await q.query(`DELETE FROM "reminder_rule" WHERE "deadline_kind" = 'review'`);
    await q.query(
      `UPDATE "reminder_rule" SET "recipient_roles" = array_remove("recipient_roles", 'rapporteurs') WHERE 'rapporteurs' = ANY("recipient_roles")`,
    );
    await q.query(`DELETE FROM "reminder_rule" WHERE cardinality("recipient_roles") = 0`);
    await this.checks(q, KINDS_BEFORE, ROLES_BEFORE);
  }

  private async checks(q: QueryRunner, kinds: string, roles: string): Promise<void> {
    await q.query(`ALTER TABLE "deadline" DROP CONSTRAINT "CHK_deadline_kind"`);
    await q.query(`ALTER TABLE "deadline" ADD CONSTRAINT "CHK_deadline_kind" CHECK ("kind" IN (${kinds}))`);
    await q.query(`ALTER TABLE "reminder_rule" DROP CONSTRAINT "CHK_reminder_rule_kind"`);
    await q.query(
      `ALTER TABLE "reminder_rule" ADD CONSTRAINT "CHK_reminder_rule_kind" CHECK ("deadline_kind" IN (${kinds}))`,
    );
    await q.query(`ALTER TABLE "reminder_rule" DROP CONSTRAINT "CHK_reminder_rule_roles"`);
    await q.query(
      `ALTER TABLE "reminder_rule" ADD CONSTRAINT "CHK_reminder_rule_roles" CHECK (cardinality("recipient_roles") >= 1 AND "recipient_roles" <@ ARRAY[${roles}]::text[])`,
    );
    await q.query(`ALTER TABLE "reminder" DROP CONSTRAINT "CHK_reminder_role"`);
    await q.query(`ALTER TABLE "reminder" ADD CONSTRAINT "CHK_reminder_role" CHECK ("recipient_role" IN (${roles}))`);
  }
}
