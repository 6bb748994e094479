import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The compliance dashboard's read model: one narrow row per state evaluation, kept
 * current by triggers on every table its figures come from, whatever code path writes them.
 *
 * - Statement and row triggers on state_evaluation, deadline, submission, reminder,
 *   extension_request and clarification_request only note the evaluation as touched
 *   (`evaluation_compliance_pending`, keyed by transaction).
 * - A deferred constraint trigger recomputes the touched rows at commit, after locking them in
 *   id order: recomputing from a fresh snapshot under the lock means two concurrent writers
 *   (a submit and a reminder sweep) can never leave a stale row, and taking the lock only at
 *   commit means the lock never sits between two statements of a transaction that also waits on
 *   reminder rows (the sweep's claims), so it adds no deadlock.
 * - `doc` is the row's figures as one compact JSON array; `round_compliance.docs` holds a round's
 *   docs (with the states' four names) as one JSON text, rebuilt at the same commit under its row
 *   lock (always after the evaluation rows' locks: one lock order). The dashboard reads that one
 *   row by its key instead of converting some 3,000 typed values to text and sending 200
 *   protocol rows on every read. fillfactor 70 keeps
 *   updates on the same page (HOT), so a round's rows stay together.
 * - What depends on the clock (days overdue) is not stored: the dashboard counts it at read time.
 *   Reminders count when sent before the first submission (`processed_at < submitted_at`); a
 *   reminder is always processed at or before the clock's now, so "before now" needs no test.
 */
export class EvaluationCompliance1795404200000 implements MigrationInterface {
  name = 'EvaluationCompliance1795404200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "IDX_state_evaluation_response_deadline" ON "state_evaluation" ("response_deadline_id")`,
    );
    await q.query(`
      CREATE TABLE "evaluation_compliance" (
        "evaluation_id" uuid NOT NULL,
        "round_id" uuid NOT NULL,
        "state_code" varchar(3) NOT NULL,
        "status" varchar(32) NOT NULL,
        "due_date" date,
        "time_zone" text,
        "deadline_version" integer,
        "deadline_status" varchar(16),
        "extensions" integer NOT NULL DEFAULT 0,
        "submitted_at" timestamptz,
        "on_time" boolean,
        "days_late" integer,
        "versions" integer NOT NULL DEFAULT 0,
        "reminders_sent" integer NOT NULL DEFAULT 0,
        "clarifications" integer NOT NULL DEFAULT 0,
        "open_clarifications" integer NOT NULL DEFAULT 0,
        "doc" text NOT NULL,
        CONSTRAINT "PK_evaluation_compliance" PRIMARY KEY ("evaluation_id"),
        CONSTRAINT "FK_evaluation_compliance_evaluation" FOREIGN KEY ("evaluation_id") REFERENCES "state_evaluation"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      ) WITH (fillfactor = 70)`);
    await q.query(
      `CREATE INDEX "IDX_evaluation_compliance_round" ON "evaluation_compliance" ("round_id", "state_code")`,
    );
    await q.query(`CREATE INDEX "IDX_evaluation_compliance_state" ON "evaluation_compliance" ("state_code")`);
    await q.query(`
      CREATE TABLE "evaluation_compliance_pending" (
        "tx" bigint NOT NULL,
        "evaluation_id" uuid NOT NULL,
        CONSTRAINT "PK_evaluation_compliance_pending" PRIMARY KEY ("tx", "evaluation_id")
      )`);
    await q.query(`
      CREATE TABLE "round_compliance" (
        "round_id" uuid NOT NULL,
        "docs" text NOT NULL,
        CONSTRAINT "PK_round_compliance" PRIMARY KEY ("round_id"),
        CONSTRAINT "FK_round_compliance_round" FOREIGN KEY ("round_id") REFERENCES "round"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);

    // The full computation for the given evaluations, upserted under their row locks.
    await q.query(`
      CREATE FUNCTION evaluation_compliance_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM evaluation_compliance WHERE evaluation_id = ANY(ids) ORDER BY evaluation_id FOR UPDATE;
        INSERT INTO evaluation_compliance AS c (evaluation_id, round_id, state_code, status, due_date, time_zone, deadline_version, deadline_status,
                                                extensions, submitted_at, on_time, days_late, versions, reminders_sent, clarifications, open_clarifications, doc)
        SELECT e.id, e.round_id, e.state_code, e.status, d.due_date, d.time_zone, d.version, d.status,
               x.extensions, s.submitted_at, s.on_time, s.days_late, v.versions, rem.reminders_sent, k.clarifications, k.open_clarifications,
               json_build_array(
                 e.id, e.state_code, e.status, to_char(d.due_date, 'YYYY-MM-DD'), d.version, d.status, d.time_zone, x.extensions,
                 to_char(s.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), s.on_time, s.days_late,
                 rem.reminders_sent, v.versions, k.clarifications, k.open_clarifications
               )::text
          FROM state_evaluation e
          LEFT JOIN deadline d ON d.id = e.response_deadline_id
          LEFT JOIN submission s ON s.evaluation_id = e.id AND s.version_number = 1
          LEFT JOIN LATERAL (SELECT count(*)::int AS extensions FROM extension_request q WHERE q.evaluation_id = e.id AND q.status = 'approved') x ON true
          LEFT JOIN LATERAL (SELECT coalesce(max(t.version_number), 0)::int AS versions FROM submission t WHERE t.evaluation_id = e.id) v ON true
          LEFT JOIN LATERAL (
            SELECT count(*)::int AS reminders_sent FROM reminder m
             WHERE m.deadline_id = e.response_deadline_id AND m.status = 'queued' AND m.processed_at < coalesce(s.submitted_at, 'infinity'::timestamptz)
          ) rem ON true
          LEFT JOIN LATERAL (
            SELECT count(*)::int AS clarifications, (count(*) FILTER (WHERE r.answered_at IS NULL))::int AS open_clarifications
              FROM clarification_request r WHERE r.evaluation_id = e.id
          ) k ON true
         WHERE e.id = ANY(ids)
         ORDER BY e.round_id, e.state_code -- new rows of a round land together (a distribution inserts a round at once)
        ON CONFLICT (evaluation_id) DO UPDATE SET
          round_id = EXCLUDED.round_id, state_code = EXCLUDED.state_code, status = EXCLUDED.status, due_date = EXCLUDED.due_date,
          time_zone = EXCLUDED.time_zone, deadline_version = EXCLUDED.deadline_version, deadline_status = EXCLUDED.deadline_status,
          extensions = EXCLUDED.extensions, submitted_at = EXCLUDED.submitted_at, on_time = EXCLUDED.on_time, days_late = EXCLUDED.days_late,
          versions = EXCLUDED.versions, reminders_sent = EXCLUDED.reminders_sent, clarifications = EXCLUDED.clarifications,
          open_clarifications = EXCLUDED.open_clarifications, doc = EXCLUDED.doc
        WHERE (c.round_id, c.state_code, c.status, c.due_date, c.time_zone, c.deadline_version, c.deadline_status, c.extensions, c.submitted_at,
               c.on_time, c.days_late, c.versions, c.reminders_sent, c.clarifications, c.open_clarifications, c.doc)
              IS DISTINCT FROM
              (EXCLUDED.round_id, EXCLUDED.state_code, EXCLUDED.status, EXCLUDED.due_date, EXCLUDED.time_zone, EXCLUDED.deadline_version,
               EXCLUDED.deadline_status, EXCLUDED.extensions, EXCLUDED.submitted_at, EXCLUDED.on_time, EXCLUDED.days_late, EXCLUDED.versions,
               EXCLUDED.reminders_sent, EXCLUDED.clarifications, EXCLUDED.open_clarifications, EXCLUDED.doc);
      END
      $$`);

    // A round's rows as the dashboard reads them: its evaluations' docs, each with the state's four
    // names appended, in state order, as one JSON text. The row exists before it is locked, so the
    // UPDATE's snapshot (taken after the lock) sees every earlier commit.
    await q.query(`
      CREATE FUNCTION round_compliance_rebuild(rounds uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO round_compliance (round_id, docs) SELECT r.id, '[]' FROM round r WHERE r.id = ANY(rounds) ORDER BY r.id ON CONFLICT DO NOTHING;
        PERFORM 1 FROM round_compliance WHERE round_id = ANY(rounds) ORDER BY round_id FOR UPDATE;
        UPDATE round_compliance rc SET docs = coalesce((
            SELECT '[' || string_agg(left(c.doc, -1) || ',' || to_json(sp.name_en)::text || ',' || to_json(sp.name_es)::text || ','
                                     || to_json(sp.name_fr)::text || ',' || to_json(sp.name_pt)::text || ']', ',' ORDER BY c.state_code) || ']'
              FROM evaluation_compliance c JOIN state_party sp ON sp.code = c.state_code
             WHERE c.round_id = rc.round_id), '[]')
         WHERE rc.round_id = ANY(rounds);
      END
      $$`);

    // Notes evaluations as touched by this transaction; the commit-time trigger recomputes them.
    await q.query(`
      CREATE FUNCTION evaluation_compliance_touch(ids uuid[]) RETURNS void LANGUAGE sql AS $$
        INSERT INTO evaluation_compliance_pending (tx, evaluation_id)
        SELECT txid_current(), id FROM unnest(ids) AS id WHERE id IS NOT NULL
        ON CONFLICT DO NOTHING
      $$`);
    await q.query(`
      CREATE FUNCTION evaluation_compliance_flush() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
        rounds uuid[];
      BEGIN
        WITH done AS (DELETE FROM evaluation_compliance_pending WHERE tx = txid_current() RETURNING evaluation_id)
        SELECT array_agg(evaluation_id ORDER BY evaluation_id) INTO ids FROM done;
        IF ids IS NOT NULL THEN
          -- The rounds before (a row's round as stored) and after (as it is now).
          rounds := ARRAY(SELECT round_id FROM evaluation_compliance WHERE evaluation_id = ANY(ids) UNION SELECT round_id FROM state_evaluation WHERE id = ANY(ids));
          PERFORM evaluation_compliance_refresh(ids);
          PERFORM round_compliance_rebuild(rounds);
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER evaluation_compliance_flush AFTER INSERT ON evaluation_compliance_pending
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evaluation_compliance_flush()`);

    // Rows that name their evaluation.
    await q.query(`
      CREATE FUNCTION evaluation_compliance_touch_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'state_evaluation' THEN
          PERFORM evaluation_compliance_touch(ARRAY[NEW.id]);
        ELSIF TG_TABLE_NAME = 'state_party' THEN
          PERFORM evaluation_compliance_touch(ARRAY(SELECT e.id FROM state_evaluation e WHERE e.state_code = NEW.code));
        ELSIF TG_TABLE_NAME = 'deadline' THEN
          PERFORM evaluation_compliance_touch(ARRAY(SELECT e.id FROM state_evaluation e WHERE e.response_deadline_id = NEW.id));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM evaluation_compliance_touch(ARRAY[OLD.evaluation_id]);
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM evaluation_compliance_touch(ARRAY[OLD.evaluation_id, NEW.evaluation_id]);
        ELSE
          PERFORM evaluation_compliance_touch(ARRAY[NEW.evaluation_id]);
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(
      `CREATE TRIGGER evaluation_compliance_insert AFTER INSERT ON state_evaluation FOR EACH ROW EXECUTE FUNCTION evaluation_compliance_touch_row()`,
    );
    await q.query(`
      CREATE TRIGGER evaluation_compliance_update AFTER UPDATE ON state_evaluation FOR EACH ROW
      WHEN ((OLD.round_id, OLD.state_code, OLD.status, OLD.response_deadline_id) IS DISTINCT FROM (NEW.round_id, NEW.state_code, NEW.status, NEW.response_deadline_id))
      EXECUTE FUNCTION evaluation_compliance_touch_row()`);
    await q.query(`
      CREATE TRIGGER evaluation_compliance_update AFTER UPDATE ON deadline FOR EACH ROW
      WHEN ((OLD.due_date, OLD.time_zone, OLD.version, OLD.status) IS DISTINCT FROM (NEW.due_date, NEW.time_zone, NEW.version, NEW.status))
      EXECUTE FUNCTION evaluation_compliance_touch_row()`);
    await q.query(`
      CREATE TRIGGER evaluation_compliance_update AFTER UPDATE ON state_party FOR EACH ROW
      WHEN ((OLD.name_en, OLD.name_es, OLD.name_fr, OLD.name_pt) IS DISTINCT FROM (NEW.name_en, NEW.name_es, NEW.name_fr, NEW.name_pt))
      EXECUTE FUNCTION evaluation_compliance_touch_row()`);
    // Deleting an evaluation (its read-model row goes by cascade) rebuilds its round at once: rare.
    await q.query(`
      CREATE FUNCTION round_compliance_evaluation_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM round_compliance_rebuild(ARRAY[OLD.round_id]);
        RETURN NULL;
      END
      $$`);
    await q.query(
      `CREATE TRIGGER evaluation_compliance_delete AFTER DELETE ON state_evaluation FOR EACH ROW EXECUTE FUNCTION round_compliance_evaluation_deleted()`,
    );
    // Submitted versions are immutable (refused by submission_immutable), so only inserts count.
    await q.query(
      `CREATE TRIGGER evaluation_compliance_insert AFTER INSERT ON submission FOR EACH ROW EXECUTE FUNCTION evaluation_compliance_touch_row()`,
    );
    for (const [table, columns] of [
      ['extension_request', 'evaluation_id, status'],
      ['clarification_request', 'evaluation_id, answered_at'],
    ] as const) {
      const pair = (row: string): string =>
        `(${columns
          .split(', ')
          .map((c) => `${row}.${c}`)
          .join(', ')})`;
      await q.query(
        `CREATE TRIGGER evaluation_compliance_insert AFTER INSERT OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION evaluation_compliance_touch_row()`,
      );
      await q.query(`
        CREATE TRIGGER evaluation_compliance_update AFTER UPDATE ON ${table} FOR EACH ROW
        WHEN (${pair('OLD')} IS DISTINCT FROM ${pair('NEW')})
        EXECUTE FUNCTION evaluation_compliance_touch_row()`);
    }

    // Reminders change in sets (plans, sweeps): one statement trigger per event, and only rows that
    // are or were queued matter. Their deadline leads to the evaluation by its response deadline.
    await q.query(`
      CREATE FUNCTION evaluation_compliance_touch_reminders() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        deadlines uuid[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          deadlines := ARRAY(SELECT DISTINCT deadline_id FROM new_rows WHERE status = 'queued');
        ELSIF TG_OP = 'DELETE' THEN
          deadlines := ARRAY(SELECT DISTINCT deadline_id FROM old_rows WHERE status = 'queued');
        ELSE
          deadlines := ARRAY(
            SELECT DISTINCT n.deadline_id FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.status = 'queued' OR o.status = 'queued')
               AND (n.status, n.processed_at, n.deadline_id) IS DISTINCT FROM (o.status, o.processed_at, o.deadline_id)
            UNION SELECT o.deadline_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.status = 'queued' AND o.deadline_id <> n.deadline_id);
        END IF;
        IF cardinality(deadlines) > 0 THEN
          PERFORM evaluation_compliance_touch(ARRAY(SELECT e.id FROM state_evaluation e WHERE e.response_deadline_id = ANY(deadlines)));
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(
      `CREATE TRIGGER evaluation_compliance_insert AFTER INSERT ON reminder REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluation_compliance_touch_reminders()`,
    );
    await q.query(
      `CREATE TRIGGER evaluation_compliance_update AFTER UPDATE ON reminder REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluation_compliance_touch_reminders()`,
    );
    await q.query(
      `CREATE TRIGGER evaluation_compliance_delete AFTER DELETE ON reminder REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluation_compliance_touch_reminders()`,
    );

    // Backfill: every existing evaluation, computed by the same function.
    await q.query(`SELECT evaluation_compliance_refresh(ARRAY(SELECT id FROM state_evaluation ORDER BY id))`);
    await q.query(`SELECT round_compliance_rebuild(ARRAY(SELECT id FROM round ORDER BY id))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'reminder',
      'extension_request',
      'clarification_request',
      'submission',
      'deadline',
      'state_evaluation',
      'state_party',
    ]) {
      await q.query(`DROP TRIGGER IF EXISTS evaluation_compliance_insert ON ${table}`);
      await q.query(`DROP TRIGGER IF EXISTS evaluation_compliance_update ON ${table}`);
      await q.query(`DROP TRIGGER IF EXISTS evaluation_compliance_delete ON ${table}`);
    }
    await q.query(`DROP FUNCTION round_compliance_evaluation_deleted()`);
    await q.query(`DROP FUNCTION evaluation_compliance_touch_reminders()`);
    await q.query(`DROP FUNCTION evaluation_compliance_touch_row()`);
    await q.query(`DROP TABLE "evaluation_compliance_pending"`);
    await q.query(`DROP FUNCTION evaluation_compliance_flush()`);
    await q.query(`DROP FUNCTION evaluation_compliance_touch(uuid[])`);
    await q.query(`DROP FUNCTION round_compliance_rebuild(uuid[])`);
    await q.query(`DROP TABLE "round_compliance"`);
    await q.query(`DROP FUNCTION evaluation_compliance_refresh(uuid[])`);
    await q.query(`DROP TABLE "evaluation_compliance"`);
    await q.query(`DROP INDEX "IDX_state_evaluation_response_deadline"`);
  }
}
