import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: an append-only table whose rows are sealed into a hash
 * chain by the worker. Written by hand: the triggers and functions below are what make the
 * table append-only, and `migration:generate` knows nothing of them.
 *
 * The hash definition in `audit_event_hash` must stay identical to libs/audit/src/audit-chain.ts,
 * which the verifier uses to recompute every hash independently.
 */
export class AuditLog1795402400000 implements MigrationInterface {
  name = 'AuditLog1795402400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "audit_event" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "actor_user_id" uuid,
        "actor_role" text,
        "action" text NOT NULL,
        "entity_type" text NOT NULL,
        "entity_id" text NOT NULL,
        "summary" jsonb NOT NULL,
        "request_id" text,
        "seal_seq" bigint,
        "prev_hash" text,
        "hash" text,
        CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(
      `CREATE INDEX "audit_event_entity_idx" ON "audit_event" ("entity_type", "entity_id", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "audit_event_actor_idx" ON "audit_event" ("actor_user_id", "id")`);
    await queryRunner.query(`CREATE INDEX "audit_event_action_idx" ON "audit_event" ("action", "id")`);
    await queryRunner.query(`CREATE INDEX "audit_event_occurred_at_idx" ON "audit_event" ("occurred_at")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "audit_event_seal_seq_key" ON "audit_event" ("seal_seq")`);
    // What the sealer scans: small, because rows leave it seconds after they commit.
    await queryRunner.query(`CREATE INDEX "audit_event_unsealed_idx" ON "audit_event" ("id") WHERE "hash" IS NULL`);

    // Netstring framing: unambiguous whatever the values contain; '~' stands for NULL.
    await queryRunner.query(`
      CREATE FUNCTION audit_frame(v text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT CASE WHEN v IS NULL THEN '~' ELSE octet_length(convert_to(v, 'UTF8'))::text || ':' || v || ',' END $$
    `);
    // sha256(prev_hash ‖ canonical content). Times are printed in UTC with microseconds, so the
    // session's TimeZone cannot change a hash; jsonb prints in one normalised form.
    await queryRunner.query(`
      CREATE FUNCTION audit_event_hash(prev_hash text, e audit_event) RETURNS text
      LANGUAGE sql STABLE SET search_path = public, pg_temp
      AS $$ SELECT encode(sha256(convert_to(
        prev_hash
        || audit_frame('mesecvi-audit-v1')
        || audit_frame(e.seal_seq::text)
        || audit_frame(e.id::text)
        || audit_frame(to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
        || audit_frame(e.actor_user_id::text)
        || audit_frame(e.actor_role)
        || audit_frame(e.action)
        || audit_frame(e.entity_type)
        || audit_frame(e.entity_id)
        || audit_frame(e.summary::text)
        || audit_frame(e.request_id), 'UTF8')), 'hex') $$
    `);

    // Refuses every change except a correct seal made while audit_seal() has raised its
    // transaction-local flag. Even with the flag raised by hand, a seal must extend the chain
    // head with the right hash, so nobody can write a seal other than the one audit_seal() would.
    await queryRunner.query(`
      CREATE FUNCTION audit_event_guard() RETURNS trigger
      LANGUAGE plpgsql SET search_path = public, pg_temp
      AS $$
      DECLARE
        head_seq bigint;
        head_hash text;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NEW.seal_seq IS NOT NULL OR NEW.prev_hash IS NOT NULL OR NEW.hash IS NOT NULL THEN
            RAISE EXCEPTION 'audit_event rows are inserted unsealed; only audit_seal() seals them';
          END IF;
          RETURN NEW;
        END IF;
        IF TG_OP = 'UPDATE' AND current_setting('mesecvi.audit_sealing', true) = 'on' THEN
          IF OLD.seal_seq IS NOT NULL OR OLD.prev_hash IS NOT NULL OR OLD.hash IS NOT NULL THEN
            RAISE EXCEPTION 'audit_event % is already sealed', OLD.id;
          END IF;
          IF (NEW.id, NEW.occurred_at, NEW.actor_user_id, NEW.actor_role, NEW.action, NEW.entity_type,
              NEW.entity_id, NEW.summary, NEW.request_id)
             IS DISTINCT FROM
             (OLD.id, OLD.occurred_at, OLD.actor_user_id, OLD.actor_role, OLD.action, OLD.entity_type,
              OLD.entity_id, OLD.summary, OLD.request_id) THEN
            RAISE EXCEPTION 'sealing audit_event % may set only seal_seq, prev_hash and hash', OLD.id;
          END IF;
          SELECT seal_seq, hash INTO head_seq, head_hash
            FROM audit_event WHERE seal_seq IS NOT NULL ORDER BY seal_seq DESC LIMIT 1;
          IF NEW.seal_seq IS DISTINCT FROM coalesce(head_seq, 0) + 1
             OR NEW.prev_hash IS DISTINCT FROM coalesce(head_hash, repeat('0', 64))
             OR NEW.hash IS DISTINCT FROM audit_event_hash(NEW.prev_hash, NEW) THEN
            RAISE EXCEPTION 'a seal of audit_event % must extend the chain head with its hash', OLD.id;
          END IF;
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP;
      END
      $$
    `);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_append_only BEFORE INSERT OR UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_guard()
    `);
    await queryRunner.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_guard()
    `);

    // The one way to seal: committed unsealed rows in id order, each extending the head. A
    // second sealer returns 0 at once rather than queueing behind the first (try-lock).
    await queryRunner.query(`
      CREATE FUNCTION audit_seal(batch integer) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
      AS $$
      DECLARE
        head_seq bigint;
        head_hash text;
        r audit_event;
        sealed integer := 0;
      BEGIN
        IF batch IS NULL OR batch < 1 OR batch > 10000 THEN
          RAISE EXCEPTION 'audit_seal: batch must be between 1 and 10000' USING ERRCODE = '22023';
        END IF;
        IF NOT pg_try_advisory_xact_lock(7231995) THEN
          RETURN 0;
        END IF;
        SELECT seal_seq, hash INTO head_seq, head_hash
          FROM audit_event WHERE seal_seq IS NOT NULL ORDER BY seal_seq DESC LIMIT 1;
        head_seq := coalesce(head_seq, 0);
        head_hash := coalesce(head_hash, repeat('0', 64));
        PERFORM set_config('mesecvi.audit_sealing', 'on', true);
        FOR r IN SELECT * FROM audit_event WHERE hash IS NULL ORDER BY id LIMIT batch LOOP
          r.seal_seq := head_seq + 1;
          r.prev_hash := head_hash;
          r.hash := audit_event_hash(head_hash, r);
          UPDATE audit_event SET seal_seq = r.seal_seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
          head_seq := r.seal_seq;
          head_hash := r.hash;
          sealed := sealed + 1;
        END LOOP;
        PERFORM set_config('mesecvi.audit_sealing', 'off', true);
        RETURN sealed;
      END
      $$
    `);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM PUBLIC`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION audit_seal(integer)`);
    await queryRunner.query(`DROP TRIGGER audit_event_no_truncate ON audit_event`);
    await queryRunner.query(`DROP TRIGGER audit_event_append_only ON audit_event`);
    await queryRunner.query(`DROP FUNCTION audit_event_guard()`);
    await queryRunner.query(`DROP FUNCTION audit_event_hash(text, audit_event)`);
    await queryRunner.query(`DROP FUNCTION audit_frame(text)`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
  }
}
