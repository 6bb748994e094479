import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rapporteurs of state evaluations. The trigger is the database's copy of the hard rule: never an
 * expert's appointing state (account state or any titular/alternate appointment) nor a state they
 * declared a conflict with.
 */
export class RapporteurAssignments1795403400000 implements MigrationInterface {
  name = 'RapporteurAssignments1795403400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "rapporteur_assignment" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "evaluation_id" uuid NOT NULL,
        "expert_user_id" uuid NOT NULL,
        "assigned_by" uuid NOT NULL,
        "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'open',
        "closed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_rapporteur_assignment" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_rapporteur_assignment_status" CHECK ("status" IN ('open', 'completed', 'withdrawn')),
        CONSTRAINT "FK_rapporteur_assignment_evaluation" FOREIGN KEY ("evaluation_id") REFERENCES "state_evaluation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_rapporteur_assignment_expert" FOREIGN KEY ("expert_user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION,
        CONSTRAINT "FK_rapporteur_assignment_assigned_by" FOREIGN KEY ("assigned_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_rapporteur_assignment_active" ON "rapporteur_assignment" ("evaluation_id", "expert_user_id") WHERE "status" <> 'withdrawn'`,
    );
    await q.query(
      `CREATE INDEX "IDX_rapporteur_assignment_expert" ON "rapporteur_assignment" ("expert_user_id", "status")`,
    );
    await q.query(`
      CREATE FUNCTION rapporteur_assignment_guard() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        target varchar(3);
      BEGIN
        SELECT state_code INTO target FROM state_evaluation WHERE id = NEW.evaluation_id;
        IF EXISTS (SELECT 1 FROM user_account WHERE id = NEW.expert_user_id AND state_code = target)
           OR EXISTS (SELECT 1 FROM appointment WHERE user_id = NEW.expert_user_id AND state_code = target AND kind IN ('titular', 'alternate') AND status <> 'withdrawn')
           OR EXISTS (SELECT 1 FROM conflict_declaration WHERE expert_user_id = NEW.expert_user_id AND state_code = target) THEN
          RAISE EXCEPTION 'rapporteur_excluded_state: expert % may not evaluate %', NEW.expert_user_id, target
            USING ERRCODE = 'check_violation', CONSTRAINT = 'TRG_rapporteur_assignment_not_excluded';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER rapporteur_assignment_not_excluded BEFORE INSERT OR UPDATE OF evaluation_id, expert_user_id ON rapporteur_assignment
      FOR EACH ROW EXECUTE FUNCTION rapporteur_assignment_guard()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "rapporteur_assignment"`);
    await q.query(`DROP FUNCTION rapporteur_assignment_guard()`);
  }
}
