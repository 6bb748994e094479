import type { MigrationInterface, QueryRunner } from 'typeorm';

const LANGUAGE_CHECK = `"person_language" IS NULL OR "person_language" IN ('en', 'es', 'fr', 'pt')`;
const KIND_CHECK = `"kind" IN ('titular', 'alternate', 'focal_point')`;

/**
 * Appointments of experts and focal points, the focal points' proposals, appointment requests
 * per state, the Committee's officers and conflict-of-interest declarations. Matches
 * libs/appointments' entities. The rules that must hold under concurrency live here too: one
 * active holder per state and seat, one successor per appointment, one current holder per office.
 */
/** The deadline kinds of the engine's first migration, plus `appointment_end` (a timer without reminder rules). */
const DEADLINE_KINDS_BEFORE = `'appointment_reply', 'response', 'clarification', 'observations', 'follow_up', 'ad_hoc'`;
const DEADLINE_KINDS_AFTER = `${DEADLINE_KINDS_BEFORE}, 'appointment_end'`;

export class AppointmentsAndCommittee1795402800000 implements MigrationInterface {
  name = 'AppointmentsAndCommittee1795402800000';

  public async up(q: QueryRunner): Promise<void> {
    // An appointment's planned end runs as a deadline-passed handler of its own kind.
    await q.query(`ALTER TABLE "deadline" DROP CONSTRAINT "CHK_deadline_kind"`);
    await q.query(
      `ALTER TABLE "deadline" ADD CONSTRAINT "CHK_deadline_kind" CHECK ("kind" IN (${DEADLINE_KINDS_AFTER}))`,
    );
    await q.query(`ALTER TABLE "reminder_rule" DROP CONSTRAINT "CHK_reminder_rule_kind"`);
    await q.query(
      `ALTER TABLE "reminder_rule" ADD CONSTRAINT "CHK_reminder_rule_kind" CHECK ("deadline_kind" IN (${DEADLINE_KINDS_AFTER}))`,
    );
    await q.query(`
      CREATE TABLE "appointment_proposal" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "state_code" varchar(3) NOT NULL,
        "kind" varchar(16) NOT NULL,
        "person_name" text NOT NULL,
        "person_email" text NOT NULL,
        "person_language" varchar(2),
        "cv_reference" text,
        "note_reference" text NOT NULL,
        "term_start" date,
        "status" varchar(16) NOT NULL,
        "proposed_by" uuid NOT NULL,
        "proposed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "decided_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_appointment_proposal" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_appointment_proposal_kind" CHECK (${KIND_CHECK}),
        CONSTRAINT "CHK_appointment_proposal_status" CHECK ("status" IN ('proposed', 'confirmed', 'rejected')),
        CONSTRAINT "CHK_appointment_proposal_language" CHECK (${LANGUAGE_CHECK}),
        CONSTRAINT "FK_appointment_proposal_state" FOREIGN KEY ("state_code") REFERENCES "state_party"("code") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_appointment_proposal_proposed_by" FOREIGN KEY ("proposed_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE INDEX "IDX_appointment_proposal_state" ON "appointment_proposal" ("state_code", "status")`);

    await q.query(`
      CREATE TABLE "appointment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "state_code" varchar(3) NOT NULL,
        "kind" varchar(16) NOT NULL,
        "person_name" text NOT NULL,
        "person_email" text NOT NULL,
        "person_language" varchar(2),
        "cv_reference" text,
        "note_reference" text NOT NULL,
        "notified_on" date NOT NULL,
        "term_start" date NOT NULL,
        "term_end" date,
        "status" varchar(16) NOT NULL,
        "end_reason" varchar(16),
        "replaces_id" uuid,
        "user_id" uuid,
        "proposal_id" uuid,
        "recorded_by" uuid NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "ended_at" TIMESTAMP WITH TIME ZONE,
        "version" integer NOT NULL DEFAULT 1,
        CONSTRAINT "PK_appointment" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_appointment_kind" CHECK (${KIND_CHECK}),
        CONSTRAINT "CHK_appointment_status" CHECK ("status" IN ('active', 'ended', 'withdrawn')),
        CONSTRAINT "CHK_appointment_end_reason" CHECK (("status" = 'active') = ("end_reason" IS NULL) AND ("end_reason" IS NULL OR "end_reason" IN ('replaced', 'term_end', 'withdrawn'))),
        CONSTRAINT "CHK_appointment_term" CHECK ("term_end" IS NULL OR "term_end" >= "term_start"),
        CONSTRAINT "CHK_appointment_language" CHECK (${LANGUAGE_CHECK}),
        CONSTRAINT "FK_appointment_state" FOREIGN KEY ("state_code") REFERENCES "state_party"("code") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_appointment_replaces" FOREIGN KEY ("replaces_id") REFERENCES "appointment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_appointment_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_appointment_proposal" FOREIGN KEY ("proposal_id") REFERENCES "appointment_proposal"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_appointment_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    // Two concurrent recordings of a titular for one state: the second insert fails here.
    await q.query(
      `CREATE UNIQUE INDEX "UQ_appointment_one_active" ON "appointment" ("state_code", "kind") WHERE "status" = 'active'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_appointment_replaces" ON "appointment" ("replaces_id") WHERE "replaces_id" IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "IDX_appointment_state" ON "appointment" ("state_code", "kind", "term_start")`);
    await q.query(`CREATE INDEX "IDX_appointment_user" ON "appointment" ("user_id")`);

    await q.query(`
      CREATE TABLE "appointment_request" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "kinds" text array NOT NULL,
        "message" text NOT NULL,
        "reply_date" date NOT NULL,
        "opened_by" uuid NOT NULL,
        "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_appointment_request" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_appointment_request_kinds" CHECK (cardinality("kinds") >= 1 AND "kinds" <@ ARRAY['titular', 'alternate', 'focal_point']::text[]),
        CONSTRAINT "FK_appointment_request_opened_by" FOREIGN KEY ("opened_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(`CREATE INDEX "IDX_appointment_request_opened" ON "appointment_request" ("opened_at")`);

    await q.query(`
      CREATE TABLE "appointment_request_target" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "request_id" uuid NOT NULL,
        "state_code" varchar(3) NOT NULL,
        "status" varchar(16) NOT NULL,
        "answered_kinds" text array NOT NULL,
        "answered_at" TIMESTAMP WITH TIME ZONE,
        "declined_at" TIMESTAMP WITH TIME ZONE,
        "decline_note" text,
        "sent_count" integer NOT NULL,
        "last_sent_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "deadline_id" uuid,
        CONSTRAINT "PK_appointment_request_target" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_appointment_request_target_status" CHECK ("status" IN ('pending', 'answered', 'declined')),
        CONSTRAINT "CHK_appointment_request_target_dates" CHECK (("status" = 'answered') = ("answered_at" IS NOT NULL) AND ("status" = 'declined') = ("declined_at" IS NOT NULL)),
        CONSTRAINT "FK_appointment_request_target_request" FOREIGN KEY ("request_id") REFERENCES "appointment_request"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_appointment_request_target_state" FOREIGN KEY ("state_code") REFERENCES "state_party"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_appointment_request_target_state" ON "appointment_request_target" ("request_id", "state_code")`,
    );
    // Recording an appointment looks up the state's pending requests.
    await q.query(
      `CREATE INDEX "IDX_appointment_request_target_pending" ON "appointment_request_target" ("state_code") WHERE "status" = 'pending'`,
    );

    await q.query(`
      CREATE TABLE "committee_office" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "office" varchar(24) NOT NULL,
        "appointment_id" uuid NOT NULL,
        "expert_user_id" uuid NOT NULL,
        "method" varchar(16) NOT NULL,
        "votes_for" integer,
        "votes_against" integer,
        "abstentions" integer,
        "term_start" date NOT NULL,
        "term_end" date NOT NULL,
        "status" varchar(16) NOT NULL,
        "ended_on" date,
        "recorded_by" uuid NOT NULL,
        "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_committee_office" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_committee_office_office" CHECK ("office" IN ('coordinator', 'alternate_coordinator')),
        CONSTRAINT "CHK_committee_office_status" CHECK ("status" IN ('current', 'ended')),
        CONSTRAINT "CHK_committee_office_term" CHECK ("term_end" > "term_start"),
        CONSTRAINT "CHK_committee_office_method" CHECK (("method" = 'consensus' AND "votes_for" IS NULL AND "votes_against" IS NULL AND "abstentions" IS NULL) OR ("method" = 'vote' AND "votes_for" >= 0 AND "votes_against" >= 0 AND "abstentions" >= 0)),
        CONSTRAINT "FK_committee_office_appointment" FOREIGN KEY ("appointment_id") REFERENCES "appointment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_committee_office_expert" FOREIGN KEY ("expert_user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_committee_office_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_committee_office_one_current" ON "committee_office" ("office") WHERE "status" = 'current'`,
    );
    await q.query(`CREATE INDEX "IDX_committee_office_history" ON "committee_office" ("office", "term_start")`);
    await q.query(`CREATE INDEX "IDX_committee_office_expert" ON "committee_office" ("expert_user_id")`);

    await q.query(`
      CREATE TABLE "conflict_declaration" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "expert_user_id" uuid NOT NULL,
        "state_code" varchar(3) NOT NULL,
        "reason" text NOT NULL,
        "declared_by" uuid NOT NULL,
        "declared_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_conflict_declaration" PRIMARY KEY ("id"),
        CONSTRAINT "FK_conflict_declaration_expert" FOREIGN KEY ("expert_user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_conflict_declaration_state" FOREIGN KEY ("state_code") REFERENCES "state_party"("code") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_conflict_declaration_declared_by" FOREIGN KEY ("declared_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_conflict_declaration_expert_state" ON "conflict_declaration" ("expert_user_id", "state_code")`,
    );
    await q.query(`CREATE INDEX "IDX_conflict_declaration_state" ON "conflict_declaration" ("state_code")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "conflict_declaration"`);
    await q.query(`DROP TABLE "committee_office"`);
    await q.query(`DROP TABLE "appointment_request_target"`);
    await q.query(`DROP TABLE "appointment_request"`);
    await q.query(`DROP TABLE "appointment"`);
    await q.query(`DROP TABLE "appointment_proposal"`);
    await q.query(`DELETE FROM "reminder_rule" WHERE "deadline_kind" = 'appointment_end'`);
    await q.query(`ALTER TABLE "reminder_rule" DROP CONSTRAINT "CHK_reminder_rule_kind"`);
    await q.query(
      `ALTER TABLE "reminder_rule" ADD CONSTRAINT "CHK_reminder_rule_kind" CHECK ("deadline_kind" IN (${DEADLINE_KINDS_BEFORE}))`,
    );
    await q.query(`ALTER TABLE "deadline" DROP CONSTRAINT "CHK_deadline_kind"`);
    await q.query(
      `ALTER TABLE "deadline" ADD CONSTRAINT "CHK_deadline_kind" CHECK ("kind" IN (${DEADLINE_KINDS_BEFORE}))`,
    );
  }
}
