// Helpers of the fault suites (tests/e2e/*-outage, api-sigkill): a PostgreSQL cluster of a suite's
// own that it may stop and restart, submittable evaluations seeded in bulk, and the check that no
// submission is half-written.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { services } from '../harness';
import { benchDocument, EVIDENCE_PLACEHOLDER } from '../../bench/submissions/bench-fixtures';

const root = path.join(__dirname, '..', '..');

interface DatabaseScripts {
  recreateDatabase(adminUrl: string, name: string, template?: string): Promise<string>;
  withDatabase(url: string, name: string): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS helper of scripts/, shared with `npm test`
const dbScripts = require(path.join(root, 'scripts', 'lib', 'database.js')) as DatabaseScripts;

/** A PostgreSQL cluster of the suite's own (in a temp dir, on a free port) with one migrated database. */
export interface OwnPostgres {
  /** The migrated database. */
  url: string;
  stop(): Promise<void>;
  /** Starts the same cluster again, on the same port. */
  start(): Promise<void>;
  /** Stops it (if running) and removes its files. */
  destroy(): Promise<void>;
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesecvi-pg-fault-'));
  fs.chmodSync(dir, 0o755);
  const dataDir = path.join(dir, 'pg');
  const port = await services.freePort();
  let running = await services.startPostgres({ dir: dataDir, port, fast: true });
  const url = await dbScripts.recreateDatabase(dbScripts.withDatabase(running.url, 'postgres'), 'fault');
  const migrate = spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/migrate.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`migrating the fault database failed:\n${migrate.stdout}${migrate.stderr}`);
  let up = true;
  return {
    url,
    stop: async () => {
      await running.stop();
      up = false;
    },
    start: async () => {
      running = await services.startPostgres({ dir: dataDir, port, fast: true });
      up = true;
    },
    destroy: async () => {
      if (up) await running.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Submittable {
  evaluationId: string;
  stateCode: string;
  /** The draft, strictly valid, as JSON text. */
  body: string;
}

/**
 * Seeds `count` evaluations (rounds × 32 states) directly in SQL: each `drafting`, with an open
 * response deadline, one evidence file and a strictly valid draft (version 0) citing it — what a
 * state has just before its focal point submits. Fast enough for a thousand.
 */
export async function seedSubmittable(
  databaseUrl: string,
  questionnaireVersionId: string,
  count: number,
): Promise<Submittable[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const json = JSON.stringify(benchDocument(8_000));
    const states = (await db.query<{ code: string }>('SELECT code FROM state_party ORDER BY code')).rows.map(
      (r) => r.code,
    );
    const out: Submittable[] = [];
    await db.query('BEGIN');
    for (let round = 1; out.length < count; round++) {
      const r = await db.query<{ id: string }>(
        `INSERT INTO round (kind, name, number, phase, questionnaire_version_id, response_due_date, created_at, updated_at)
         VALUES ('evaluation', $1, $2, 'open_for_responses', $3, '2099-12-31', now(), now()) RETURNING id`,
        [`Fault round ${round}`, 500 + round, questionnaireVersionId],
      );
      for (const code of states.slice(0, count - out.length)) {
        const e = await db.query<{ id: string }>(
          `INSERT INTO state_evaluation (round_id, state_code, questionnaire_version_id, status, distributed_at, updated_at) VALUES ($1, $2, $3, 'drafting', now(), now()) RETURNING id`,
          [r.rows[0].id, code, questionnaireVersionId],
        );
        const evaluationId = e.rows[0].id;
        const d = await db.query<{ id: string }>(
          `INSERT INTO deadline (kind, subject_type, subject_id, state_code, title, due_date, time_zone, due_at, created_at, updated_at)
           VALUES ('response', 'state_evaluation', $1, $2, 'Answers to the questionnaire', '2099-12-31', 'America/New_York', '2100-01-01T05:00:00Z', now(), now()) RETURNING id`,
          [evaluationId, code],
        );
        await db.query('UPDATE state_evaluation SET response_deadline_id = $1 WHERE id = $2', [
          d.rows[0].id,
          evaluationId,
        ]);
        const a = await db.query<{ id: string }>(
          `INSERT INTO evidence_attachment (evaluation_id, state_code, filename, media_type, size_bytes, sha256, uploaded_by, uploaded_at)
           VALUES ($1, $2, 'fault.pdf', 'application/pdf', 8, encode(sha256('%PDF-1.7'::bytea), 'hex'), gen_random_uuid(), now()) RETURNING id`,
          [evaluationId, code],
        );
        await db.query(
          `INSERT INTO evidence_attachment_content (attachment_id, content) VALUES ($1, '%PDF-1.7'::bytea)`,
          [a.rows[0].id],
        );
        const body = json.replace(EVIDENCE_PLACEHOLDER, a.rows[0].id);
        await db.query(
          `INSERT INTO answer_draft (evaluation_id, document, version, updated_at) VALUES ($1, $2::jsonb, 0, now())`,
          [evaluationId, body],
        );
        out.push({ evaluationId, stateCode: code, body });
      }
    }
    await db.query('COMMIT');
    return out;
  } finally {
    await db.end();
  }
}

export interface EvaluationState {
  id: string;
  status: string;
  submissions: number;
  deadline: string;
  audits: number;
  submissionId: string | null;
  sha256: string | null;
  canonical: string | null;
}

/**
 * Each given evaluation's status, submissions, response deadline and `submission.created` audit
 * rows, and the problems of any that is half-written: submitted ⇔ exactly one submission ⇔
 * deadline completed ⇔ one audit row; and every stored hash recomputes from its canonical JSON.
 */
export async function submissionConsistency(
  databaseUrl: string,
  evaluationIds: string[],
): Promise<{ states: Map<string, EvaluationState>; problems: string[] }> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const rows = await db.query<EvaluationState>(
      `SELECT e.id, e.status,
              (SELECT count(*)::int FROM submission s WHERE s.evaluation_id = e.id) AS submissions,
              d.status AS deadline,
              (SELECT count(*)::int FROM audit_event a WHERE a.action = 'submission.created' AND a.summary->>'evaluationId' = e.id::text) AS audits,
              s.id AS "submissionId", s.sha256, s.canonical_json AS canonical
         FROM state_evaluation e
         JOIN deadline d ON d.id = e.response_deadline_id
         LEFT JOIN submission s ON s.evaluation_id = e.id AND s.version_number = 1
        WHERE e.id = ANY($1::uuid[])`,
      [evaluationIds],
    );
    const states = new Map(rows.rows.map((r) => [r.id, r]));
    const problems: string[] = [];
    for (const id of evaluationIds) {
      const s = states.get(id);
      if (!s) {
        problems.push(`${id}: missing`);
        continue;
      }
      const submitted = s.status === 'submitted';
      const consistent = submitted
        ? s.submissions === 1 && s.deadline === 'completed' && s.audits === 1
        : s.status === 'drafting' && s.submissions === 0 && s.deadline === 'open' && s.audits === 0;
      if (!consistent)
        problems.push(
          `${id}: half-written: status ${s.status}, ${s.submissions} submission(s), deadline ${s.deadline}, ${s.audits} audit row(s)`,
        );
      if (s.canonical !== null && createHash('sha256').update(s.canonical, 'utf8').digest('hex') !== s.sha256)
        problems.push(`${id}: stored sha256 does not match its canonical JSON`);
    }
    return { states, problems };
  } finally {
    await db.end();
  }
}
