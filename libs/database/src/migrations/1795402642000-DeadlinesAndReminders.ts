import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'appointment_reply', 'response', 'clarification', 'observations', 'follow_up', 'ad_hoc'`;
const DEADLINE_STATUSES = `'open', 'passed', 'completed', 'cancelled'`;
const ROLES = `'focal_point', 'contributors', 'appointed_expert', 'permanent_mission', 'secretariat'`;

/**
 * The default ladder: 30, 7 and 1 days before to the focal point (1 day before also
 * to contributors); 1 day after to the focal point and the permanent mission; 7 and 14 days
 * after escalated to the secretariat. Seeded for every kind; the secretariat edits them.
 */
const DEFAULT_LADDER: Array<[number, string[], string]> = [
  [-30, ['focal_point'], 'deadline_reminder'],
  [-7, ['focal_point'], 'deadline_reminder'],
  [-1, ['focal_point', 'contributors'], 'deadline_reminder'],
  [1, ['focal_point', 'permanent_mission'], 'deadline_reminder'],
  [7, ['secretariat'], 'deadline_escalation'],
  [14, ['secretariat'], 'deadline_escalation'],
];

/** Deadlines with their history, reminder ladders, and reminders. Matches libs/deadlines' entities. */
export class DeadlinesAndReminders1795402642000 implements MigrationInterface {
  name = 'DeadlinesAndReminders1795402642000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "deadline" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kind" varchar(40) NOT NULL,
        "subject_type" varchar(60) NOT NULL,
        "subject_id" text NOT NULL,
        "state_code" varchar(3) NOT NULL,
        "title" text,
        "due_date" date NOT NULL,
        "time_zone" text NOT NULL,
        "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        "status" varchar(16) NOT NULL DEFAULT 'open',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_deadline" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_deadline_kind" CHECK ("kind" IN (${KINDS})),
        CONSTRAINT "CHK_deadline_status" CHECK ("status" IN (${DEADLINE_STATUSES})),
        CONSTRAINT "CHK_deadline_title" CHECK ("kind" <> 'ad_hoc' OR "title" IS NOT NULL),
        CONSTRAINT "FK_deadline_state" FOREIGN KEY ("state_code") REFERENCES "state_party"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_deadline_subject" ON "deadline" ("kind", "subject_type", "subject_id", "state_code") WHERE "status" <> 'cancelled'`,
    );
    await q.query(`CREATE INDEX "IDX_deadline_state_due" ON "deadline" ("state_code", "due_date")`);
    // The sweep's "which open deadlines have passed" scan.
    await q.query(`CREATE INDEX "IDX_deadline_open_due_at" ON "deadline" ("due_at") WHERE "status" = 'open'`);

    await q.query(`
      CREATE TABLE "deadline_version" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "deadline_id" uuid NOT NULL,
        "version" integer NOT NULL,
        "change" varchar(16) NOT NULL,
        "due_date" date NOT NULL,
        "status" varchar(16) NOT NULL,
        "reason" text,
        "actor_user_id" uuid,
        "actor_role" varchar(32),
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_deadline_version" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_deadline_version_change" CHECK ("change" IN ('created', 'moved', 'completed', 'cancelled', 'passed')),
        CONSTRAINT "CHK_deadline_version_status" CHECK ("status" IN (${DEADLINE_STATUSES})),
        CONSTRAINT "FK_deadline_version_deadline" FOREIGN KEY ("deadline_id") REFERENCES "deadline"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE INDEX "IDX_deadline_version_deadline" ON "deadline_version" ("deadline_id", "recorded_at")`);

    await q.query(`
      CREATE TABLE "reminder_rule" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "deadline_kind" varchar(40) NOT NULL,
        "offset_days" integer NOT NULL,
        "time_of_day" varchar(5) NOT NULL DEFAULT '09:00',
        "recipient_roles" text array NOT NULL,
        "template" varchar(40) NOT NULL,
        "max_count" integer NOT NULL DEFAULT 3,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "retired_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_reminder_rule" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_reminder_rule_kind" CHECK ("deadline_kind" IN (${KINDS})),
        CONSTRAINT "CHK_reminder_rule_template" CHECK ("template" IN ('deadline_reminder', 'deadline_escalation')),
        CONSTRAINT "CHK_reminder_rule_roles" CHECK (cardinality("recipient_roles") >= 1 AND "recipient_roles" <@ ARRAY[${ROLES}]::text[]),
        CONSTRAINT "CHK_reminder_rule_offset" CHECK ("offset_days" BETWEEN -366 AND 366),
        CONSTRAINT "CHK_reminder_rule_time" CHECK ("time_of_day" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        CONSTRAINT "CHK_reminder_rule_max_count" CHECK ("max_count" BETWEEN 1 AND 100)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_reminder_rule_offset" ON "reminder_rule" ("deadline_kind", "offset_days") WHERE "retired_at" IS NULL`,
    );
    for (const kind of KINDS.split(', ').map((k) => k.replace(/'/g, ''))) {
      for (const [offset, roles, template] of DEFAULT_LADDER) {
        await q.query(
          `INSERT INTO "reminder_rule" ("deadline_kind", "offset_days", "recipient_roles", "template", "created_at", "updated_at") VALUES ($1, $2, $3, $4, now(), now())`,
          [kind, offset, roles, template],
        );
      }
    }

    await q.query(`
      CREATE TABLE "reminder" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "deadline_id" uuid NOT NULL,
        "deadline_version" integer NOT NULL,
        "rule_id" uuid NOT NULL,
        "recipient_role" varchar(32) NOT NULL,
        "planned_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'planned',
        "reason" varchar(32),
        "lease_until" TIMESTAMP WITH TIME ZONE,
        "claim_token" uuid,
        "claims" integer NOT NULL DEFAULT 0,
        "recipients" integer,
        "processed_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_reminder" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_reminder_status" CHECK ("status" IN ('planned', 'claimed', 'queued', 'skipped', 'superseded', 'cancelled')),
        CONSTRAINT "CHK_reminder_reason" CHECK ("reason" IS NULL OR "reason" IN ('passed', 'moved', 'ladder_changed', 'later_rule_due', 'stale', 'max_count', 'completed', 'cancelled', 'no_recipient')),
        CONSTRAINT "CHK_reminder_role" CHECK ("recipient_role" IN (${ROLES})),
        CONSTRAINT "FK_reminder_deadline" FOREIGN KEY ("deadline_id") REFERENCES "deadline"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_reminder_rule" FOREIGN KEY ("rule_id") REFERENCES "reminder_rule"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_reminder_key" ON "reminder" ("deadline_id", "deadline_version", "rule_id", "recipient_role")`,
    );
    // What the sweep scans: only unsent rows, so its cost follows what is due, not the table's size.
    await q.query(`CREATE INDEX "IDX_reminder_due" ON "reminder" ("planned_at") WHERE "status" = 'planned'`);
    await q.query(`CREATE INDEX "IDX_reminder_lease" ON "reminder" ("lease_until") WHERE "status" = 'claimed'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "reminder"`);
    await q.query(`DROP TABLE "reminder_rule"`);
    await q.query(`DROP TABLE "deadline_version"`);
    await q.query(`DROP TABLE "deadline"`);
  }
}
