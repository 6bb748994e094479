import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import {
  complianceSql,
  ComplianceService,
  toComplianceRow,
  toComplianceTotals,
  type ComplianceSqlRow,
  type ComplianceSqlTotals,
} from '@mesecvi/compliance';
import type { Caller } from '@mesecvi/http';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import {
  createAccount,
  createSuiteDatabase,
  login,
  startTestApi,
  testConfig,
  type SuiteDatabase,
  type TestApi,
} from '../harness';
import { openRoundFor } from '../harness/submission-fixtures';

const addDays = (date: Date, days: number): string =>
  new Date(date.getTime() + days * 86400_000).toISOString().slice(0, 10);

type Stored = Omit<
  ComplianceSqlRow,
  | 'round_id'
  | 'round_name'
  | 'round_kind'
  | 'round_number'
  | 'round_phase'
  | 'name_en'
  | 'name_es'
  | 'name_fr'
  | 'name_pt'
  | 'days_overdue'
>;

/**
 * The compliance read model (`evaluation_compliance`) under concurrent writers: it is recomputed
 * at each commit under its row lock, so interleaved transactions leave it equal to the full
 * computation, and a submit waiting on a reminder row a sweep holds does not deadlock with it.
 */
describe('compliance read model under concurrent transactions', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let questionnaireId: string;
  let evaluations: Record<string, string>;
  const clients: Client[] = [];

  const connect = async (): Promise<Client> => {
    const c = new Client({ connectionString: db.url });
    await c.connect();
    clients.push(c);
    return c;
  };
  /** The stored row against the full computation (the columns that do not depend on the clock). */
  const expectInStep = async (evaluationId: string): Promise<Stored> => {
    const [full]: Array<{ rows: ComplianceSqlRow[] }> = await ds.query(complianceSql('round'), [
      await roundOf(evaluationId),
      await api.app.get(Clock).now(),
    ]);
    const f = full.rows.find((r) => r.evaluation_id === evaluationId) as ComplianceSqlRow;
    const [stored]: Stored[] = await ds.query(
      `SELECT evaluation_id, state_code, status, to_char(due_date, 'YYYY-MM-DD') AS due_date, deadline_version, deadline_status, extensions,
              submitted_at, on_time, days_late, versions, reminders_sent, clarifications, open_clarifications
         FROM evaluation_compliance WHERE evaluation_id = $1`,
      [evaluationId],
    );
    const pick = (r: Stored | ComplianceSqlRow): Stored => ({
      evaluation_id: r.evaluation_id,
      state_code: r.state_code,
      status: r.status,
      due_date: r.due_date,
      deadline_version: r.deadline_version,
      deadline_status: r.deadline_status,
      extensions: r.extensions,
      submitted_at: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
      on_time: r.on_time,
      days_late: r.days_late,
      versions: r.versions,
      reminders_sent: r.reminders_sent,
      clarifications: r.clarifications,
      open_clarifications: r.open_clarifications,
    });
    expect(pick(stored)).toEqual(pick(f));
    return stored;
  };
  /** The served dashboard (round_compliance) against the full computation, in one language. */
  const expectRoundInStep = async (language: Caller['language']) => {
    const roundId = await roundOf(evaluations.ARG);
    const caller: Caller = { userId: randomUUID(), role: 'secretariat', stateCode: null, language };
    const served = await api.app.get(ComplianceService).roundDashboard(caller, roundId);
    const [full]: Array<{ rows: ComplianceSqlRow[]; totals: ComplianceSqlTotals }> = await ds.query(
      complianceSql('round'),
      [roundId, await api.app.get(Clock).now()],
    );
    expect({ rows: served.rows, totals: served.totals }).toEqual({
      rows: full.rows.map((r) => toComplianceRow(r, language)),
      totals: toComplianceTotals(full.totals),
    });
    return served;
  };
  const roundOf = async (evaluationId: string): Promise<string> =>
    (
      (await ds.query(`SELECT round_id FROM state_evaluation WHERE id = $1`, [evaluationId])) as Array<{
        round_id: string;
      }>
    )[0].round_id;
  const submissionSql = `INSERT INTO submission (evaluation_id, version_number, event, questionnaire_version_id, validator_version, canonical_json, sha256, submitted_by, submitted_by_role, submitted_at, due_date, on_time, days_late)
     SELECT e.id, 1, 'submit', $2, 'test', $3, $4, $5, 'state_focal_point', $6, d.due_date, true, 0
       FROM state_evaluation e JOIN deadline d ON d.id = e.response_deadline_id WHERE e.id = $1`;
  const submitIn = async (c: Client, evaluationId: string, at: Date): Promise<void> => {
    const json = JSON.stringify({ evaluationId });
    await c.query(submissionSql, [
      evaluationId,
      questionnaireId,
      json,
      createHash('sha256').update(json).digest('hex'),
      randomUUID(),
      at,
    ]);
  };
  const plannedReminder = async (evaluationId: string): Promise<{ id: string; deadline_id: string }> =>
    (
      (await ds.query(
        `SELECT m.id, m.deadline_id FROM reminder m JOIN state_evaluation e ON e.response_deadline_id = m.deadline_id WHERE e.id = $1 AND m.status = 'planned' ORDER BY m.planned_at LIMIT 1`,
        [evaluationId],
      )) as Array<{ id: string; deadline_id: string }>
    )[0];

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url, { LOGIN_MAX_ATTEMPTS: '1000' }));
    ds = api.app.get(DataSource);
    const admin = await createAccount(ds, { role: 'secretariat' });
    questionnaireId = (await api.app.get(QuestionnaireRegistry).current('evaluation-round')).id;
    ({ evaluations } = await openRoundFor(api, (await login(api, admin.email, admin.password)).bearer, {
      number: 12,
      questionnaireVersionId: questionnaireId,
      responseDueDate: addDays(await api.app.get(Clock).now(), 40),
      stateCodes: ['ARG', 'BRA', 'CHL'],
    }));
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
    await api?.close();
    await db?.drop();
  });

  it('is written at distribution, backfilled by the same function, and leaves no pending rows', async () => {
    for (const id of Object.values(evaluations))
      expect(await expectInStep(id)).toMatchObject({ status: 'invited', versions: 0, reminders_sent: 0 });
    // Recomputing everything (what the migration's backfill does) changes nothing.
    const before = await ds.query(`SELECT * FROM evaluation_compliance ORDER BY evaluation_id`);
    await ds.query(`SELECT evaluation_compliance_refresh(ARRAY(SELECT id FROM state_evaluation))`);
    expect(await ds.query(`SELECT * FROM evaluation_compliance ORDER BY evaluation_id`)).toEqual(before);
    expect(await ds.query(`SELECT * FROM evaluation_compliance_pending`)).toEqual([]);
  });

  it('a sweep holding a reminder row while a submit waits on it: both commit, no deadlock, the row is in step', async () => {
    const id = evaluations.ARG;
    const reminder = await plannedReminder(id);
    const [sweep, submit] = [await connect(), await connect()];
    const sent = new Date(Date.now() - 60_000);
    await sweep.query('BEGIN');
    await sweep.query(`SELECT id FROM reminder WHERE id = $1 FOR UPDATE`, [reminder.id]); // as lockClaimed
    await submit.query('BEGIN');
    await submitIn(submit, id, new Date());
    // The submit's cancelUnsent waits for the sweep's row lock…
    const cancelling = submit.query(
      `UPDATE reminder SET status = 'cancelled', reason = 'completed' WHERE deadline_id = $1 AND status IN ('planned', 'claimed')`,
      [reminder.deadline_id],
    );
    await new Promise((r) => setTimeout(r, 300));
    // …while the sweep marks the reminder sent and commits (its read-model refresh runs at commit).
    await sweep.query(`UPDATE reminder SET status = 'queued', processed_at = $2 WHERE id = $1`, [reminder.id, sent]);
    await sweep.query('COMMIT');
    await cancelling;
    await submit.query('COMMIT');
    const row = await expectInStep(id);
    expect(row).toMatchObject({ versions: 1, reminders_sent: 1 });
  });

  it('two transactions changing one evaluation, committed in either order, leave it equal to the full computation', async () => {
    for (const [state, firstToCommit] of [
      ['BRA', 'clarification'],
      ['CHL', 'reminder'],
    ] as const) {
      const id = evaluations[state];
      await submitIn(await connect(), id, new Date(Date.now() + 3_600_000)); // autocommit: submitted an hour from now
      const reminder = await plannedReminder(id);
      const [a, b] = [await connect(), await connect()];
      const [first] = (await ds.query(`SELECT id FROM submission WHERE evaluation_id = $1`, [id])) as Array<{
        id: string;
      }>;
      await a.query('BEGIN');
      await a.query(
        `INSERT INTO clarification_request (evaluation_id, message, from_status, based_on_submission_id, requested_by, requested_at) VALUES ($1, 'x', 'submitted', $2, $3, now())`,
        [id, first.id, randomUUID()],
      );
      await b.query('BEGIN');
      await b.query(`UPDATE reminder SET status = 'queued', processed_at = $2 WHERE id = $1`, [
        reminder.id,
        new Date(),
      ]);
      // Each saw its own change only; the second to commit recomputes after the first.
      if (firstToCommit === 'clarification') {
        await a.query('COMMIT');
        await b.query('COMMIT');
      } else {
        await b.query('COMMIT');
        await a.query('COMMIT');
      }
      expect(await expectInStep(id)).toMatchObject({
        state_code: state,
        clarifications: 1,
        open_clarifications: 1,
        reminders_sent: 1,
        versions: 1,
      });
    }
    expect(await ds.query(`SELECT * FROM evaluation_compliance_pending`)).toEqual([]);
    await expectRoundInStep('es');
  });

  it('once it holds a round, is sent only the rows changed since; a new evaluation is placed in state order, a deleted one goes', async () => {
    const roundId = await roundOf(evaluations.ARG);
    const roundRow = async (): Promise<{ stamp: string; seq: string }> =>
      (
        (await ds.query(`SELECT stamp, seq::text AS seq FROM round_compliance WHERE round_id = $1`, [
          roundId,
        ])) as Array<{ stamp: string; seq: string }>
      )[0];
    /** What the service's statement answered on its next dashboard read. */
    const nextRead = async (): Promise<{ docs: string | null; changed: string | null }> => {
      const spy = jest.spyOn(ds, 'query');
      try {
        await expectRoundInStep('pt');
        const i = spy.mock.calls.findIndex(
          ([sql]) => typeof sql !== 'string' && /compliance_round/.test(JSON.stringify(sql)),
        );
        expect(i).toBeGreaterThanOrEqual(0);
        const [row] = (await spy.mock.results[i].value) as Array<{ docs: string | null; changed: string | null }>;
        return row;
      } finally {
        spy.mockRestore();
      }
    };
    await expectRoundInStep('pt'); // now held
    expect(await nextRead()).toMatchObject({ docs: null, changed: null }); // unchanged: no text at all
    const before = await roundRow();

    await ds.query(`UPDATE state_evaluation SET status = 'drafting' WHERE id = $1`, [evaluations.CHL]);
    const after = await roundRow();
    expect(after.stamp).toBe(before.stamp);
    expect(BigInt(after.seq)).toBeGreaterThan(BigInt(before.seq));
    const read = await nextRead();
    expect(read.docs).toBeNull();
    expect((JSON.parse(read.changed as string) as string[][]).map((d) => d[0])).toEqual([evaluations.CHL]);

    // A state added to the round mid-way (URY sorts after the others; BOL before BRA).
    const added: Array<{ id: string }> = await ds.query(
      `INSERT INTO state_evaluation (round_id, state_code, questionnaire_version_id, status, distributed_at, updated_at)
       VALUES ($1, 'BOL', $2, 'invited', now(), now()) RETURNING id`,
      [roundId, questionnaireId],
    );
    const withNew = await nextRead();
    expect(withNew.docs).toBeNull();
    expect((JSON.parse(withNew.changed as string) as string[][]).map((d) => d[0])).toEqual([added[0].id]);
    expect((await expectRoundInStep('pt')).rows.map((r) => r.stateCode)).toEqual(['ARG', 'BOL', 'BRA', 'CHL']);

    // Deleting it draws a new generation: the service is sent the whole text and the row is gone.
    await ds.query(`DELETE FROM state_evaluation WHERE id = $1`, [added[0].id]);
    expect((await roundRow()).stamp).not.toBe(after.stamp);
    const whole = await nextRead();
    expect(whole.docs).not.toBeNull();
    expect((await expectRoundInStep('pt')).rows.map((r) => r.stateCode)).toEqual(['ARG', 'BRA', 'CHL']);
  });

  it('follows a state party renamed (the names live in the round row), also once the service has the round parsed', async () => {
    await ds.query(`UPDATE state_party SET name_fr = name_fr || ' (test)' WHERE code = 'BRA'`);
    const served = await expectRoundInStep('fr');
    expect(served.rows.find((r) => r.stateCode === 'BRA')?.stateName).toMatch(/ \(test\)$/);
    // The service keeps the parsed rows while the round row is unchanged: read again unchanged,
    // then renamed once more — the rename counts as a change of BRA's rows (same generation, a
    // higher seq), so the row is sent again with the new name.
    const roundRow = async (): Promise<{ stamp: string; seq: string }> =>
      (
        (await ds.query(`SELECT stamp, seq::text AS seq FROM round_compliance WHERE round_id = $1`, [
          served.round.id,
        ])) as Array<{ stamp: string; seq: string }>
      )[0];
    const before = await roundRow();
    expect((await expectRoundInStep('fr')).rows).toEqual(served.rows);
    await ds.query(`UPDATE state_party SET name_fr = name_fr || ' bis' WHERE code = 'BRA'`);
    const after = await roundRow();
    expect(after.stamp).toBe(before.stamp);
    expect(BigInt(after.seq)).toBeGreaterThan(BigInt(before.seq));
    expect((await expectRoundInStep('fr')).rows.find((r) => r.stateCode === 'BRA')?.stateName).toMatch(
      / \(test\) bis$/,
    );
  });
});
