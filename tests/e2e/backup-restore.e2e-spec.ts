import type { INestApplicationContext } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import {
  createAccount,
  createSuiteDatabase,
  login,
  startTestApi,
  startTestWorker,
  testConfig,
  waitFor,
  type SuiteDatabase,
  type TestApi,
} from '../harness';
import { exampleAnswers, openRoundFor, pdfBytes, uploadEvidence } from '../harness/submission-fixtures';

const root = path.join(__dirname, '..', '..');
const addDays = (date: Date, days: number): string =>
  new Date(date.getTime() + days * 86400_000).toISOString().slice(0, 10);

/** An npm script's command, as a child process on `url` (what an operator runs after a restore). */
function run(args: string[], url: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
const verify = (what: 'audit' | 'submissions' | 'attachments', url: string) =>
  run(
    [
      '-r',
      '@swc-node/register',
      what === 'audit' ? 'scripts/audit-verify.ts' : 'scripts/integrity-verify.ts',
      ...(what === 'audit' ? [] : [what]),
    ],
    url,
  );

const TABLES = [
  'submission',
  'evidence_attachment',
  'evidence_attachment_content',
  'audit_event',
  'outbox_message',
  'state_evaluation',
  'evaluation_compliance',
  'user_account',
];

/**
 * `npm run backup` / `npm run restore` (docs/operations.md, "Backup and restore"): real data — a
 * submission with its evidence files, sealed audit events, ledger rows — dumped, restored into a
 * fresh database, and checked there by the same commands an operator runs.
 */
describe('backup and restore', () => {
  let source: SuiteDatabase;
  let target: SuiteDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let ds: DataSource;
  let dir: string;
  let evaluationId: string;
  let evidence: string[];
  let secretariat: { email: string; password: string };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesecvi-backup-'));
    source = await createSuiteDatabase();
    target = await createSuiteDatabase({ empty: true });
    const config = testConfig(source.url, { LOGIN_MAX_ATTEMPTS: '1000' });
    api = await startTestApi(config);
    worker = await startTestWorker(config); // seals the audit chain
    ds = api.app.get(DataSource);
    secretariat = await createAccount(ds, { role: 'secretariat' });
    const fp = await createAccount(ds, { role: 'state_focal_point', stateCode: 'ARG' });
    const admin = (await login(api, secretariat.email, secretariat.password)).bearer;
    const bearer = (await login(api, fp.email, fp.password)).bearer;
    const questionnaireId = (await api.app.get(QuestionnaireRegistry).current('evaluation-round')).id;
    const { evaluations } = await openRoundFor(api, admin, {
      number: 9,
      questionnaireVersionId: questionnaireId,
      responseDueDate: addDays(await api.app.get(Clock).now(), 30),
      stateCodes: ['ARG', 'BRA'],
    });
    evaluationId = evaluations.ARG;
    evidence = await uploadEvidence(api, bearer, evaluationId);
    const version = (
      (await ds.query('SELECT version FROM answer_draft WHERE evaluation_id = $1', [evaluationId])) as Array<{
        version: number;
      }>
    )[0].version;
    await api
      .http()
      .put(`/evaluations/${evaluationId}/draft`)
      .set('authorization', bearer)
      .set('if-match', `"${version}"`)
      .send(exampleAnswers('valid-argentina-complete', evidence))
      .expect(200);
    await api.http().post(`/evaluations/${evaluationId}/submissions`).set('authorization', bearer).send({}).expect(201);
    await waitFor('audit events sealed', async () => {
      const [r]: Array<{ unsealed: number }> = await ds.query(
        `SELECT count(*) FILTER (WHERE hash IS NULL)::int AS unsealed FROM audit_event`,
      );
      return r.unsealed === 0 ? true : undefined;
    });
  }, 180_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await source?.drop();
    await target?.drop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('dumps the database, restores it into a fresh one, and the restored copy verifies', async () => {
    const file = path.join(dir, 'platform.dump');
    const backup = run(['scripts/backup.js', '--out', file], source.url);
    expect(backup).toMatchObject({ status: 0 });
    expect(backup.out).toMatch(/pg_dump custom format/);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP'); // pg_dump's custom format

    const restore = run(['scripts/restore.js', file], target.url);
    expect(restore).toMatchObject({ status: 0 });
    // A second restore over the restored data is refused, not merged.
    const again = run(['scripts/restore.js', file], target.url);
    expect(again.status).toBe(1);
    expect(again.out).toMatch(/already has \d+ table\(s\)/);

    const restored = new DataSource({ type: 'postgres', url: target.url });
    await restored.initialize();
    try {
      for (const table of TABLES) {
        const [a]: Array<{ n: number }> = await ds.query(`SELECT count(*)::int AS n FROM ${table}`);
        const [b]: Array<{ n: number }> = await restored.query(`SELECT count(*)::int AS n FROM ${table}`);
        expect({ table, n: b.n }).toEqual({ table, n: a.n });
      }
      const [counts]: Array<{ files: number; sealed: number }> = await restored.query(
        `SELECT (SELECT count(*)::int FROM evidence_attachment_content WHERE attachment_id = ANY($1::uuid[])) AS files, (SELECT count(*)::int FROM audit_event WHERE hash IS NOT NULL) AS sealed`,
        [evidence],
      );
      expect(counts.files).toBe(evidence.length);
      expect(counts.sealed).toBeGreaterThan(5);

      // The commands an operator runs after a restore, as child processes on the restored database.
      const audit = verify('audit', target.url);
      expect(audit).toMatchObject({ status: 0 });
      expect(audit.out).toMatch(new RegExp(`audit chain OK: ${counts.sealed} sealed events`));
      const submissions = verify('submissions', target.url);
      expect(submissions).toMatchObject({ status: 0 });
      expect(submissions.out).toMatch(/submitted versions OK: 1 checked, 0 mismatches/);
      const attachments = verify('attachments', target.url);
      expect(attachments).toMatchObject({ status: 0 });
      expect(attachments.out).toMatch(new RegExp(`evidence files OK: ${evidence.length} checked`));

      // The checks can fail: a changed file in the restored copy is reported.
      await restored.query(`SET session_replication_role = replica`);
      await restored.query(`UPDATE evidence_attachment_content SET content = $2 WHERE attachment_id = $1`, [
        evidence[0],
        pdfBytes('changed'),
      ]);
      await restored.query(`SET session_replication_role = DEFAULT`);
      expect(verify('attachments', target.url).status).toBe(1);
    } finally {
      await restored.destroy();
    }
  }, 300_000);

  it('serves the restored database: the api signs in and returns the same evidence bytes', async () => {
    const original = await api
      .http()
      .get(`/attachments/${evidence[1]}`)
      .set('authorization', (await login(api, secretariat.email, secretariat.password)).bearer)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    const copy = await startTestApi(testConfig(target.url, { LOGIN_MAX_ATTEMPTS: '1000' }));
    try {
      const bearer = (await login(copy, secretariat.email, secretariat.password)).bearer;
      const res = await copy
        .http()
        .get(`/attachments/${evidence[1]}`)
        .set('authorization', bearer)
        .buffer(true)
        .parse(binary as never)
        .expect(200);
      expect(sha(res.body as Buffer)).toBe(sha(original.body as Buffer));
      const submissions = await copy
        .http()
        .get(`/evaluations/${evaluationId}`)
        .set('authorization', bearer)
        .expect(200);
      expect(submissions.body.status).toBe('submitted');
    } finally {
      await copy.close();
    }
  }, 120_000);
});

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const binary = (res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
