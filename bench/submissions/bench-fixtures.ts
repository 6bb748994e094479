import argon2 from 'argon2';
import { Client } from 'pg';
import { DEF_FILES, QUESTIONNAIRE_FILES, prepareQuestionnaire } from '@mesecvi/questionnaires';
import fs from 'node:fs';
import path from 'node:path';

export const EVIDENCE_PLACEHOLDER = '00000000-0000-4000-8000-000000000000';
export const BENCH_PASSWORD = 'bench-secretariat-password-2026';

/** The Argentina example without evidence references, padded with longer texts to about `bytes` of JSON, still strictly valid. */
export function benchDocument(bytes = 25_000): Record<string, unknown> {
  const file = path.resolve(
    __dirname,
    '..',
    '..',
    'schemas',
    'examples',
    'evaluation-round',
    'valid-argentina-complete.json',
  );
  const strip = (n: unknown): unknown => {
    if (Array.isArray(n)) return n.map(strip);
    if (n && typeof n === 'object')
      return Object.fromEntries(
        Object.entries(n)
          .filter(([k]) => k !== 'evidence')
          .map(([k, v]) => [k, strip(v)]),
      );
    return n;
  };
  const doc = strip(JSON.parse(fs.readFileSync(file, 'utf8'))) as Record<string, Record<string, unknown>>;
  // STA-06 must cite evidence: a placeholder, replaced per state by `withEvidence`.
  doc['STA-06'].evidence = [EVIDENCE_PLACEHOLDER];
  const compiled = prepareQuestionnaire(QUESTIONNAIRE_FILES[0], DEF_FILES).compiled;
  const words = ' Información complementaria sobre la aplicación de la medida en las provincias y su seguimiento.';
  for (const item of Object.values(doc)) {
    if (JSON.stringify(doc).length >= bytes) break;
    for (const field of ['comment', 'description']) {
      if (typeof item[field] !== 'string') continue;
      const before = item[field];
      item[field] = (before + words.repeat(40)).slice(0, 3900);
      if (!compiled.validate(doc, 'strict', 'en').valid) item[field] = before;
    }
  }
  const problems = compiled.validate(doc, 'strict', 'en').errors;
  if (problems.length > 0) throw new Error(`the bench document is not strictly valid: ${JSON.stringify(problems)}`);
  return doc;
}

export const BENCH_EMAIL = 'bench.secretariat@example.test';

/** The secretariat account the bench signs in as (the secretariat may write any state's draft and submit on its behalf). */
export async function createBenchSecretariat(databaseUrl: string): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const hash = await argon2.hash(BENCH_PASSWORD, {
      type: argon2.argon2id,
      memoryCost: 1024,
      timeCost: 2,
      parallelism: 1,
    });
    await db.query(
      `INSERT INTO user_account (email, name, role, state_code, status, password_hash, created_at, updated_at) VALUES ($1, 'Bench Secretariat', 'secretariat', NULL, 'active', $2, now(), now())`,
      [BENCH_EMAIL, hash],
    );
  } finally {
    await db.end();
  }
}

export interface BenchSeed {
  /** Evaluation ids in `drafting`, each with a valid draft at version 0, in groups. */
  groups: Record<string, string[]>;
  /** Each evaluation's document as JSON text, citing its own state's evidence file. */
  bodies: Map<string, string>;
}

/**
 * Seeds a migrated database directly: a secretariat account, and as many rounds × 32 states as
 * the groups need, each evaluation `drafting` with `document` as its draft (version 0).
 */
export async function seedBench(
  databaseUrl: string,
  questionnaireVersionId: string,
  document: object,
  sizes: Record<string, number>,
): Promise<BenchSeed> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const states = (await db.query<{ code: string }>('SELECT code FROM state_party ORDER BY code')).rows.map(
      (r) => r.code,
    );
    const groups: Record<string, string[]> = {};
    let roundNumber = 1;
    const json = JSON.stringify(document);
    const bodies = new Map<string, string>();
    const evidenceOf = new Map<string, string>();
    for (const [group, size] of Object.entries(sizes)) {
      groups[group] = [];
      while (groups[group].length < size) {
        const round = await db.query<{ id: string }>(
          `INSERT INTO round (kind, name, number, phase, questionnaire_version_id, response_due_date, created_at, updated_at)
           VALUES ('evaluation', $1, $2, 'open_for_responses', $3, '2099-12-31', now(), now()) RETURNING id`,
          [`Bench round ${roundNumber}`, roundNumber, questionnaireVersionId],
        );
        roundNumber++;
        for (const code of states.slice(0, size - groups[group].length)) {
          const e = await db.query<{ id: string }>(
            `INSERT INTO state_evaluation (round_id, state_code, questionnaire_version_id, status, distributed_at, updated_at) VALUES ($1, $2, $3, 'drafting', now(), now()) RETURNING id`,
            [round.rows[0].id, code, questionnaireVersionId],
          );
          if (!evidenceOf.has(code)) {
            const a = await db.query<{ id: string }>(
              `INSERT INTO evidence_attachment (evaluation_id, state_code, filename, media_type, size_bytes, sha256, uploaded_by, uploaded_at)
               VALUES ($1, $2, 'bench.pdf', 'application/pdf', 8, encode(sha256('%PDF-1.7'::bytea), 'hex'), gen_random_uuid(), now()) RETURNING id`,
              [e.rows[0].id, code],
            );
            await db.query(
              `INSERT INTO evidence_attachment_content (attachment_id, content) VALUES ($1, '%PDF-1.7'::bytea)`,
              [a.rows[0].id],
            );
            evidenceOf.set(code, a.rows[0].id);
          }
          const body = json.replace(EVIDENCE_PLACEHOLDER, evidenceOf.get(code) as string);
          bodies.set(e.rows[0].id, body);
          await db.query(
            `INSERT INTO answer_draft (evaluation_id, document, version, updated_at) VALUES ($1, $2::jsonb, 0, now())`,
            [e.rows[0].id, body],
          );
          groups[group].push(e.rows[0].id);
        }
      }
    }
    await db.query(
      `CREATE TABLE IF NOT EXISTS bench_baseline_submission (id bigserial PRIMARY KEY, evaluation_id uuid NOT NULL, canonical_json text NOT NULL, sha256 varchar(64) NOT NULL, submitted_at timestamptz NOT NULL)`,
    );
    return { groups, bodies };
  } finally {
    await db.end();
  }
}
