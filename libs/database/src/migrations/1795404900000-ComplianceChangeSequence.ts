import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The compliance dashboard reads only what changed (after RoundComplianceByLanguage).
 *
 * Until now every change to a round drew a new `stamp`, so the next dashboard read was sent the
 * round's whole text (~34 KB at 200 states) and parsed it, although a submission or a reminder
 * changes one state's row. Now:
 * - `round_compliance.seq` counts the round's changes. It is incremented under the round row's
 *   lock, so it grows in commit order: a reader that has seen `seq = n` has seen every change up
 *   to n. (A sequence would not do: numbers drawn by two transactions can commit out of order.)
 * - `evaluation_compliance.change_seq` is the round's `seq` of the commit that last recomputed
 *   that row, so the rows changed since a reader's `n` are `round_id = r AND change_seq > n`,
 *   one index range.
 * - `stamp` is now the round's *generation*: drawn anew only when a row can have left the round
 *   (an evaluation deleted or moved to another round) or on a full rebuild (migration backfill,
 *   `round_compliance_rebuild(rounds)` called with no evaluations). A reader whose stamp differs
 *   fetches the whole text, as before; one whose stamp matches fetches the changed rows only.
 * - The flush passes the touched evaluations to the rebuild; a renamed state party touches its
 *   evaluations, so its rows are re-sent with the new name.
 */
/** A round's four texts (as RoundComplianceByLanguage builds them), from its evaluation rows `c` and states `sp`. */
const ROUND_TEXTS = ['en', 'es', 'fr', 'pt']
  .map(
    (l) =>
      `coalesce('[' || string_agg(left(c.doc, -1) || ',' || to_json(sp.name_${l})::text || ']', ',' ORDER BY c.state_code) || ']', '[]')`,
  )
  .join(',\n                 ');

export class ComplianceChangeSequence1795404900000 implements MigrationInterface {
  name = 'ComplianceChangeSequence1795404900000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "round_compliance" ADD "seq" bigint NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "evaluation_compliance" ADD "change_seq" bigint NOT NULL DEFAULT 0`);
    await q.query(
      `CREATE INDEX "IDX_evaluation_compliance_round_change" ON "evaluation_compliance" ("round_id", "change_seq")`,
    );
    // Replaced, not overloaded: a one-argument call must resolve to the new function.
    await q.query(`DROP FUNCTION round_compliance_rebuild(uuid[])`);
    await q.query(`
      CREATE FUNCTION round_compliance_rebuild(rounds uuid[], changed uuid[] DEFAULT NULL) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO round_compliance (round_id, docs_en, docs_es, docs_fr, docs_pt, stamp)
        SELECT r.id, '[]', '[]', '[]', '[]', gen_random_uuid() FROM round r WHERE r.id = ANY(rounds) ORDER BY r.id ON CONFLICT DO NOTHING;
        PERFORM 1 FROM round_compliance WHERE round_id = ANY(rounds) ORDER BY round_id FOR UPDATE;
        UPDATE round_compliance rc SET seq = rc.seq + 1,
               stamp = CASE WHEN changed IS NULL THEN gen_random_uuid() ELSE rc.stamp END,
               (docs_en, docs_es, docs_fr, docs_pt) = (
          SELECT ${ROUND_TEXTS}
            FROM evaluation_compliance c JOIN state_party sp ON sp.code = c.state_code
           WHERE c.round_id = rc.round_id)
         WHERE rc.round_id = ANY(rounds);
        IF changed IS NOT NULL THEN
          UPDATE evaluation_compliance c SET change_seq = rc.seq
            FROM round_compliance rc
           WHERE c.evaluation_id = ANY(changed) AND rc.round_id = c.round_id AND rc.round_id = ANY(rounds);
        END IF;
      END
      $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION evaluation_compliance_flush() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
        rounds uuid[];
        moved boolean;
      BEGIN
        WITH done AS (DELETE FROM evaluation_compliance_pending WHERE tx = txid_current() RETURNING evaluation_id)
        SELECT array_agg(evaluation_id ORDER BY evaluation_id) INTO ids FROM done;
        IF ids IS NOT NULL THEN
          -- The rounds before (a row's round as stored) and after (as it is now).
          rounds := ARRAY(SELECT round_id FROM evaluation_compliance WHERE evaluation_id = ANY(ids) UNION SELECT round_id FROM state_evaluation WHERE id = ANY(ids));
          -- A row leaving its round: readers of that round must fetch it whole (a new generation).
          moved := EXISTS (SELECT 1 FROM evaluation_compliance c JOIN state_evaluation e ON e.id = c.evaluation_id
                            WHERE c.evaluation_id = ANY(ids) AND c.round_id <> e.round_id);
          PERFORM evaluation_compliance_refresh(ids);
          PERFORM round_compliance_rebuild(rounds, CASE WHEN moved THEN NULL ELSE ids END);
        END IF;
        RETURN NULL;
      END
      $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION evaluation_compliance_flush() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        ids uuid[];
        rounds uuid[];
      BEGIN
        WITH done AS (DELETE FROM evaluation_compliance_pending WHERE tx = txid_current() RETURNING evaluation_id)
        SELECT array_agg(evaluation_id ORDER BY evaluation_id) INTO ids FROM done;
        IF ids IS NOT NULL THEN
          rounds := ARRAY(SELECT round_id FROM evaluation_compliance WHERE evaluation_id = ANY(ids) UNION SELECT round_id FROM state_evaluation WHERE id = ANY(ids));
          PERFORM evaluation_compliance_refresh(ids);
          PERFORM round_compliance_rebuild(rounds);
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`DROP FUNCTION round_compliance_rebuild(uuid[], uuid[])`);
    await q.query(`
      CREATE FUNCTION round_compliance_rebuild(rounds uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO round_compliance (round_id, docs_en, docs_es, docs_fr, docs_pt, stamp)
        SELECT r.id, '[]', '[]', '[]', '[]', gen_random_uuid() FROM round r WHERE r.id = ANY(rounds) ORDER BY r.id ON CONFLICT DO NOTHING;
        PERFORM 1 FROM round_compliance WHERE round_id = ANY(rounds) ORDER BY round_id FOR UPDATE;
        UPDATE round_compliance rc SET stamp = gen_random_uuid(), (docs_en, docs_es, docs_fr, docs_pt) = (
          SELECT ${ROUND_TEXTS}
            FROM evaluation_compliance c JOIN state_party sp ON sp.code = c.state_code
           WHERE c.round_id = rc.round_id)
         WHERE rc.round_id = ANY(rounds);
      END
      $$`);
    await q.query(`DROP INDEX "IDX_evaluation_compliance_round_change"`);
    await q.query(`ALTER TABLE "evaluation_compliance" DROP COLUMN "change_seq"`);
    await q.query(`ALTER TABLE "round_compliance" DROP COLUMN "seq"`);
  }
}
