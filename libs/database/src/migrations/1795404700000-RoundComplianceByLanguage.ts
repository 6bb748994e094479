import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The compliance dashboard's round row (after EvaluationCompliance): one JSON text per
 * language instead of one text with the states' names in all four. A dashboard reads only its
 * caller's language, so each read fetches, sends and parses a quarter fewer bytes (the names were
 * ~10 KB of a 200-state round's 41 KB). `round_compliance_rebuild` (same triggers, same lock order)
 * now writes the four texts; each element is the evaluation's `doc` with the state's name in that
 * language appended (see ComplianceDoc). `stamp` changes with every rebuild, so a dashboard that
 * has a round's rows parsed already is sent the text again only when it changed.
 */
export class RoundComplianceByLanguage1795404700000 implements MigrationInterface {
  name = 'RoundComplianceByLanguage1795404700000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE "round_compliance"
        ADD "docs_en" text NOT NULL DEFAULT '[]', ADD "docs_es" text NOT NULL DEFAULT '[]',
        ADD "docs_fr" text NOT NULL DEFAULT '[]', ADD "docs_pt" text NOT NULL DEFAULT '[]',
        ADD "stamp" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await q.query(`
      ALTER TABLE "round_compliance"
        ALTER "docs_en" DROP DEFAULT, ALTER "docs_es" DROP DEFAULT, ALTER "docs_fr" DROP DEFAULT, ALTER "docs_pt" DROP DEFAULT,
        ALTER "stamp" DROP DEFAULT, DROP COLUMN "docs"`);
    // lz4 where the server has it (postgres:15 images do): a 200-state round's text is ~34 KB, ~11 KB
    // compressed; reading the text alone took 0.26–0.27 ms with lz4 against 0.31 with the default
    // pglz and 0.29–0.38 uncompressed (STORAGE EXTERNAL) in the benchmark (noisy, 2 runs).
    await q.query(`
      DO $$
      BEGIN
        ALTER TABLE "round_compliance" ALTER "docs_en" SET COMPRESSION lz4, ALTER "docs_es" SET COMPRESSION lz4,
                                       ALTER "docs_fr" SET COMPRESSION lz4, ALTER "docs_pt" SET COMPRESSION lz4;
      EXCEPTION WHEN feature_not_supported THEN NULL; -- built without lz4: keep pglz
      END
      $$`);
    await q.query(rebuildFunction(['en', 'es', 'fr', 'pt']));
    // Every value written anew (the UPDATE), so compressed the new way.
    await q.query(`SELECT round_compliance_rebuild(ARRAY(SELECT round_id FROM round_compliance ORDER BY round_id))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "round_compliance" ADD "docs" text NOT NULL DEFAULT '[]'`);
    await q.query(
      `ALTER TABLE "round_compliance" ALTER "docs" DROP DEFAULT, DROP COLUMN "docs_en", DROP COLUMN "docs_es", DROP COLUMN "docs_fr", DROP COLUMN "docs_pt", DROP COLUMN "stamp"`,
    );
    await q.query(`
      CREATE OR REPLACE FUNCTION round_compliance_rebuild(rounds uuid[]) RETURNS void LANGUAGE plpgsql AS $$
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
    await q.query(`SELECT round_compliance_rebuild(ARRAY(SELECT round_id FROM round_compliance ORDER BY round_id))`);
  }
}

/**
 * A round's rows as the dashboard reads them, per language: its evaluations' docs, each with the
 * state's name in that language appended, in state order. Every rebuild draws a new random
 * `stamp`: a reader that has the texts parsed already asks for them only when the stamp it holds
 * is no longer the row's (random, not a counter, so a restored backup can never repeat a stamp
 * with other contents). The row exists before it is locked, so the UPDATE's snapshot (taken after
 * the lock) sees every earlier commit.
 */
function rebuildFunction(languages: readonly string[]): string {
  const columns = languages.map((l) => `docs_${l}`).join(', ');
  const texts = languages
    .map(
      (l) =>
        `coalesce('[' || string_agg(left(c.doc, -1) || ',' || to_json(sp.name_${l})::text || ']', ',' ORDER BY c.state_code) || ']', '[]')`,
    )
    .join(',\n                 ');
  return `
      CREATE OR REPLACE FUNCTION round_compliance_rebuild(rounds uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO round_compliance (round_id, ${columns}, stamp)
        SELECT r.id, ${languages.map(() => `'[]'`).join(', ')}, gen_random_uuid() FROM round r WHERE r.id = ANY(rounds) ORDER BY r.id ON CONFLICT DO NOTHING;
        PERFORM 1 FROM round_compliance WHERE round_id = ANY(rounds) ORDER BY round_id FOR UPDATE;
        UPDATE round_compliance rc SET stamp = gen_random_uuid(), (${columns}) = (
          SELECT ${texts}
            FROM evaluation_compliance c JOIN state_party sp ON sp.code = c.state_code
           WHERE c.round_id = rc.round_id)
         WHERE rc.round_id = ANY(rounds);
      END
      $$`;
}
