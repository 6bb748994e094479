import { createHash, randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { Workbook } from 'exceljs';
import { DataSource } from 'typeorm';
import { ClockService } from '@mesecvi/clock';
import {
  complianceSql,
  isoWeekday,
  toComplianceRow,
  toComplianceTotals,
  type ComplianceDashboard,
  type ComplianceRow,
  type ComplianceSqlRow,
  type ComplianceSqlTotals,
} from '@mesecvi/compliance';
import { addDays, daysBetween, localDate } from '@mesecvi/deadlines';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { submissionTiming } from '@mesecvi/submissions';
import {
  createAccount,
  createSuiteDatabase,
  login,
  MailSink,
  startTestApi,
  startTestWorker,
  testConfig,
  waitFor,
  type SuiteDatabase,
  type TestAccount,
  type TestApi,
} from '../harness';
import { openRoundFor } from '../harness/submission-fixtures';

const TZ = 'America/New_York';

/**
 * How far to move the clock so it reads noon in New York: reminders fire at 09:00 there, so a
 * run between midnight and 09:00 would otherwise see fewer of them due on each day it jumps to.
 */
function shiftToNoon(now: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: TZ,
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const sinceMidnight = (get('hour') * 3600 + get('minute') * 60 + get('second')) * 1000;
  const noon = 12 * 3600_000;
  return sinceMidnight <= noon ? noon - sinceMidnight : 24 * 3600_000 - (sinceMidnight - noon);
}
const DAY = 86_400_000;
const STATES = ['ARG', 'BRA', 'CHL', 'HTI', 'MEX', 'URY'];

const binary = (res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * A round told through a moving clock: ARG answers on time, CHL, HTI and URY late (1, 3, 7 days
 * after the due day), BRA gets five more days and stays silent, MEX never answers.
 */
describe('compliance: dashboard, history, exports, digest, ledger views', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let ds: DataSource;
  let clock: ClockService;
  let admin: string;
  let secretariat: TestAccount;
  let roundId: string;
  let evaluations: Record<string, string>;
  let dueDate: string;
  let questionnaireId: string;
  const people = new Map<string, TestAccount>();
  const sink = new MailSink();
  const bearer = async (key: string): Promise<string> => {
    const p = people.get(key) as TestAccount;
    return (await login(api, p.email, p.password)).bearer;
  };
  const today = async (): Promise<string> => localDate(await clock.now(), TZ);

  /** What the submissions lib writes on submit, inserted directly: the frozen row, the status, the deadline completed. */
  const submit = async (state: string): Promise<void> => {
    const now = await clock.now();
    const [d]: Array<{ due_date: string; time_zone: string; id: string }> = await ds.query(
      `SELECT d.id, to_char(d.due_date, 'YYYY-MM-DD') AS due_date, d.time_zone FROM deadline d JOIN state_evaluation e ON e.response_deadline_id = d.id WHERE e.id = $1`,
      [evaluations[state]],
    );
    const timing = submissionTiming(now, { dueDate: d.due_date, timeZone: d.time_zone });
    const json = JSON.stringify({ state });
    await ds.query(
      `INSERT INTO submission (evaluation_id, version_number, event, questionnaire_version_id, validator_version, canonical_json, sha256, submitted_by, submitted_by_role, submitted_at, due_date, on_time, days_late)
       VALUES ($1, 1, 'submit', $2, 'test', $3, $4, $5, 'state_focal_point', $6, $7, $8, $9)`,
      [
        evaluations[state],
        questionnaireId,
        json,
        createHash('sha256').update(json).digest('hex'),
        randomUUID(),
        now,
        timing.dueDate,
        timing.onTime,
        timing.daysLate,
      ],
    );
    await ds.query(`UPDATE state_evaluation SET status = 'submitted', updated_at = $2 WHERE id = $1`, [
      evaluations[state],
      now,
    ]);
    await ds.query(`UPDATE deadline SET status = 'completed', updated_at = $2 WHERE id = $1`, [d.id, now]);
    await ds.query(
      `UPDATE reminder SET status = 'cancelled', reason = 'completed', updated_at = $2 WHERE deadline_id = $1 AND status = 'planned'`,
      [d.id, now],
    );
  };
  const advanceDays = async (days: number): Promise<void> => {
    await clock.advance(days * DAY);
    admin = (await login(api, secretariat.email, secretariat.password)).bearer; // the old token expired with the jump
    // Let the reminder sweep catch up with the new time before anything is read.
    await waitFor('due reminders handled', async () => {
      const body = (await api.http().get('/operations/queues').set('authorization', admin).expect(200)).body as {
        dueReminders: number;
      };
      return body.dueReminders === 0 ? true : undefined;
    });
  };
  const dashboard = async (): Promise<ComplianceDashboard> =>
    (await api.http().get(`/rounds/${roundId}/compliance`).set('authorization', admin).expect(200))
      .body as ComplianceDashboard;
  /**
   * The dashboard reads the trigger-kept read model (evaluation_compliance); the full computation
   * over the source tables must give the same rows and totals at the same moment.
   */
  const expectReadModelMatches = async (): Promise<ComplianceDashboard> => {
    const served = await dashboard();
    const [full]: Array<{ rows: ComplianceSqlRow[]; totals: ComplianceSqlTotals }> = await ds.query(
      complianceSql('round'),
      [roundId, await clock.now()],
    );
    expect({ rows: served.rows, totals: served.totals }).toEqual({
      rows: full.rows.map((r) => toComplianceRow(r, 'en')),
      totals: toComplianceTotals(full.totals),
    });
    return served;
  };

  beforeAll(async () => {
    db = await createSuiteDatabase();
    const shift = shiftToNoon(new Date());
    const start = localDate(new Date(Date.now() + shift), TZ);
    // The digest's weekday is that of the last day the test moves to (start + 17), at midnight there.
    const config = testConfig(db.url, {
      DIGEST_ENABLED: 'true',
      DIGEST_WEEKDAY: String(isoWeekday(addDays(start, 17))),
      DIGEST_HOUR: '0',
      DIGEST_CHECK_EVERY_MS: '300',
      OUTBOX_SWEEP_EVERY_MS: '250',
      REMINDER_SWEEP_EVERY_MS: '250',
      LOGIN_MAX_ATTEMPTS: '1000',
    });
    api = await startTestApi(config);
    ds = api.app.get(DataSource);
    clock = api.app.get(ClockService);
    await clock.advance(shift);
    secretariat = await createAccount(ds, { role: 'secretariat', language: 'en', name: 'Secretaría Técnica' });
    admin = (await login(api, secretariat.email, secretariat.password)).bearer;
    people.set('expert', await createAccount(ds, { role: 'committee_expert', stateCode: 'ARG' }));
    for (const state of ['ARG', 'BRA', 'HTI'])
      people.set(`fp.${state}`, await createAccount(ds, { role: 'state_focal_point', stateCode: state }));
    people.set('contrib.ARG', await createAccount(ds, { role: 'state_contributor', stateCode: 'ARG' }));
    questionnaireId = (await api.app.get(QuestionnaireRegistry).current('evaluation-round')).id;
    dueDate = addDays(await today(), 10);
    ({ roundId, evaluations } = await openRoundFor(api, admin, {
      number: 7,
      questionnaireVersionId: questionnaireId,
      responseDueDate: dueDate,
      stateCodes: STATES,
    }));
    worker = await startTestWorker(config);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  it('follows the round through the moving clock and matches hand-computed numbers', async () => {
    // Brazil asks for more time: five days are granted (deadline version 2).
    const request = await api
      .http()
      .post(`/evaluations/${evaluations.BRA}/extension-requests`)
      .set('authorization', await bearer('fp.BRA'))
      .send({ requestedDate: addDays(dueDate, 5), justification: 'Elections.' })
      .expect(201);
    await api
      .http()
      .post(`/extension-requests/${request.body.id}/decision`)
      .set('authorization', admin)
      .send({ approve: true })
      .expect(200);
    await api
      .http()
      .post('/deadlines')
      .set('authorization', admin)
      .send({ title: 'Statistics annex', dueDate: addDays(dueDate, 20), stateCodes: ['ARG'] })
      .expect(201);

    await expectReadModelMatches();
    await submit('ARG'); // on time, ten days early
    const before = await expectReadModelMatches();
    expect(before.totals).toMatchObject({ states: 6, responded: 1, onTime: 1, late: 0, overdue: 0, pending: 5 });

    await advanceDays(11); // the due day has passed: today = due + 1
    await submit('CHL');
    await advanceDays(2);
    await submit('HTI');
    // A mail that failed this week, for the digest and the alerts.
    await ds.query(
      `INSERT INTO outbox_message (id, kind, template, language, recipient_address, state_code, payload, status, attempts, next_attempt_at, message_id, last_error, created_at, updated_at)
       VALUES ($1, 'reminder', 'deadline_reminder', 'es', 'buzon.lleno@example.test', 'MEX', '{}', 'failed', 6, $2, $3, '552 mailbox full', $2, $2)`,
      [randomUUID(), await clock.now(), `<${randomUUID()}@test>`],
    );
    await expectReadModelMatches();
    await advanceDays(4);
    await submit('URY');

    const now = await today();
    expect(daysBetween(dueDate, now)).toBe(7);
    const d = await expectReadModelMatches();
    const row = (state: string): ComplianceRow => d.rows.find((r) => r.stateCode === state) as ComplianceRow;
    expect(d.rows.map((r) => r.stateCode)).toEqual(STATES);
    expect(d.today).toBe(now);
    expect(row('ARG')).toMatchObject({
      timeliness: 'on_time',
      daysLate: 0,
      daysOverdue: null,
      status: 'submitted',
      extensions: 0,
      deadline: { dueDate, version: 1, status: 'completed' },
    });
    expect(row('CHL')).toMatchObject({ timeliness: 'late', daysLate: 1, daysOverdue: null });
    expect(row('HTI')).toMatchObject({ timeliness: 'late', daysLate: 3 });
    expect(row('URY')).toMatchObject({ timeliness: 'late', daysLate: 7 });
    expect(row('BRA')).toMatchObject({
      timeliness: 'overdue',
      daysLate: null,
      daysOverdue: 2,
      status: 'invited',
      extensions: 1,
      deadline: { dueDate: addDays(dueDate, 5), version: 2 },
    });
    expect(row('MEX')).toMatchObject({ timeliness: 'overdue', daysOverdue: 7, submittedAt: null, extensions: 0 });
    expect(d.totals).toEqual({
      states: 6,
      responded: 4,
      responseRate: 0.6667,
      onTime: 1,
      onTimeRate: 0.1667,
      late: 3,
      overdue: 2,
      pending: 0,
      meanDaysLate: 3.67, // (1 + 3 + 7) / 3
      medianDaysLate: 3,
    });
    expect(d.alerts.failedMails).toBe(1);

    // Reminders sent before each state submitted, counted independently from the reminder rows.
    for (const r of d.rows) {
      const reminders: Array<{ status: string; processed_at: Date | null }> = await ds.query(
        `SELECT m.status, m.processed_at FROM reminder m JOIN state_evaluation e ON e.response_deadline_id = m.deadline_id WHERE e.id = $1`,
        [r.evaluationId],
      );
      const until = r.submittedAt ? new Date(r.submittedAt).getTime() : (await clock.now()).getTime();
      const expected = reminders.filter(
        (m) => m.status === 'queued' && m.processed_at && new Date(m.processed_at).getTime() < until,
      ).length;
      expect({ state: r.stateCode, reminders: r.remindersBeforeSubmission }).toEqual({
        state: r.stateCode,
        reminders: expected,
      });
    }
    expect(row('ARG').remindersBeforeSubmission).toBe(0);
    expect(row('MEX').remindersBeforeSubmission).toBeGreaterThan(0);

    // A clarification asked of Haiti and answered by a second version: the read model follows.
    const [first]: Array<{ id: string }> = await ds.query(
      `SELECT id FROM submission WHERE evaluation_id = $1 AND version_number = 1`,
      [evaluations.HTI],
    );
    const [clarification]: Array<{ id: string }> = await ds.query(
      `INSERT INTO clarification_request (evaluation_id, message, from_status, based_on_submission_id, requested_by, requested_at) VALUES ($1, 'Annex?', 'submitted', $2, $3, $4) RETURNING id`,
      [evaluations.HTI, first.id, secretariat.id, await clock.now()],
    );
    await ds.query(`UPDATE state_evaluation SET status = 'clarification_requested' WHERE id = $1`, [evaluations.HTI]);
    expect((await expectReadModelMatches()).rows.find((r) => r.stateCode === 'HTI')).toMatchObject({
      status: 'clarification_requested',
      clarifications: { requested: 1, open: 1 },
      submissionVersions: 1,
    });
    const json = JSON.stringify({ state: 'HTI', version: 2 });
    const [second]: Array<{ id: string }> = await ds.query(
      `INSERT INTO submission (evaluation_id, version_number, event, questionnaire_version_id, validator_version, canonical_json, sha256, submitted_by, submitted_by_role, submitted_at, due_date, on_time, days_late)
       SELECT evaluation_id, 2, 'clarification', questionnaire_version_id, validator_version, $2, $3, submitted_by, submitted_by_role, $4, due_date, on_time, days_late FROM submission WHERE id = $1 RETURNING id`,
      [first.id, json, createHash('sha256').update(json).digest('hex'), await clock.now()],
    );
    await ds.query(`UPDATE clarification_request SET answered_at = $2, answered_by_submission_id = $3 WHERE id = $1`, [
      clarification.id,
      await clock.now(),
      second.id,
    ]);
    await ds.query(`UPDATE state_evaluation SET status = 'submitted' WHERE id = $1`, [evaluations.HTI]);
    const after = await expectReadModelMatches();
    expect(after.rows.find((r) => r.stateCode === 'HTI')).toMatchObject({
      status: 'submitted',
      clarifications: { requested: 1, open: 0 },
      submissionVersions: 2,
      daysLate: 3,
    });
    expect(after.totals).toEqual(d.totals);
    const [stored]: Array<{ n: number }> = await ds.query(
      `SELECT count(*)::int AS n FROM evaluation_compliance WHERE round_id = $1`,
      [roundId],
    );
    expect(stored.n).toBe(STATES.length);
    const [pending]: Array<{ n: number }> = await ds.query(
      `SELECT count(*)::int AS n FROM evaluation_compliance_pending`,
    );
    expect(pending.n).toBe(0);
  });

  it('lets the committee read the dashboard and a state read only its own history', async () => {
    await api
      .http()
      .get(`/rounds/${roundId}/compliance`)
      .set('authorization', await bearer('expert'))
      .expect(200);
    await api
      .http()
      .get(`/rounds/${roundId}/compliance`)
      .set('authorization', await bearer('fp.ARG'))
      .expect(403);
    const haiti = await api
      .http()
      .get('/states-parties/HTI/compliance-history')
      .set('authorization', await bearer('fp.HTI'))
      .expect(200);
    expect(haiti.body.rounds).toHaveLength(1);
    expect(haiti.body.rounds[0]).toMatchObject({ round: { id: roundId, number: 7 }, timeliness: 'late', daysLate: 3 });
    expect(haiti.body.totals).toMatchObject({ states: 1, responded: 1, late: 1, meanDaysLate: 3 });
    await api
      .http()
      .get('/states-parties/HTI/compliance-history')
      .set('authorization', await bearer('fp.ARG'))
      .expect(404);
    await api.http().get('/states-parties/XYZ/compliance-history').set('authorization', admin).expect(404);
    await api.http().get(`/rounds/${randomUUID()}/compliance`).set('authorization', admin).expect(404);
  });

  it('exports the same numbers as CSV and XLSX', async () => {
    const d = await dashboard();
    const csv = await api.http().get(`/rounds/${roundId}/compliance.csv`).set('authorization', admin).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [rowsPart, totalsPart] = csv.text.split('\r\n\r\n');
    const lines = rowsPart.split('\r\n').map((l) => l.split(','));
    const header = lines[0];
    const col = (line: string[], name: string): string => line[header.indexOf(name)];
    expect(lines).toHaveLength(1 + d.rows.length);
    for (const r of d.rows) {
      const line = lines.find((l) => l[0] === r.stateCode) as string[];
      expect([
        col(line, 'timeliness'),
        col(line, 'days_late'),
        col(line, 'days_overdue'),
        col(line, 'due_date'),
        col(line, 'extensions'),
      ]).toEqual([
        r.timeliness,
        r.daysLate == null ? '' : String(r.daysLate),
        r.daysOverdue == null ? '' : String(r.daysOverdue),
        r.deadline?.dueDate ?? '',
        String(r.extensions),
      ]);
    }
    expect(totalsPart).toContain('responseRate,0.6667');
    expect(totalsPart).toContain('medianDaysLate,3');

    const xlsx = await api
      .http()
      .get(`/rounds/${roundId}/compliance.xlsx`)
      .set('authorization', admin)
      .buffer(true)
      .parse(binary as never)
      .expect(200);
    const book = new Workbook();
    await book.xlsx.load(xlsx.body as never); // exceljs types predate Buffer<ArrayBufferLike>
    const sheet = book.getWorksheet('States');
    expect(sheet?.rowCount).toBe(1 + d.rows.length);
    const names = (sheet?.getRow(1).values as unknown[]).slice(1);
    const byState = new Map<string, unknown[]>();
    sheet?.eachRow((r, n) => {
      if (n > 1) byState.set(String((r.values as unknown[])[1]), (r.values as unknown[]).slice(1));
    });
    for (const r of d.rows) {
      const cells = byState.get(r.stateCode) as unknown[];
      expect(cells[names.indexOf('days_late')] ?? null).toEqual(r.daysLate);
      expect(cells[names.indexOf('days_overdue')] ?? null).toEqual(r.daysOverdue);
      expect(cells[names.indexOf('timeliness')]).toBe(r.timeliness);
    }
    const totals = new Map<string, unknown>();
    book
      .getWorksheet('Totals')
      ?.eachRow((r) => totals.set(String((r.values as unknown[])[1]), (r.values as unknown[])[2]));
    expect(totals.get('onTimeRate')).toBe(d.totals.onTimeRate);
    expect(totals.get('meanDaysLate')).toBe(d.totals.meanDaysLate);
  });

  it('sends the weekly digest once per week with the overdue states, the deadlines ahead and the failed mails', async () => {
    // This week's digest may have been staged before URY answered; the next week's tells a settled story.
    await ds.query(
      `INSERT INTO outbox_message (id, kind, template, language, recipient_address, state_code, payload, status, attempts, next_attempt_at, message_id, last_error, created_at, updated_at)
       VALUES ($1, 'distribution', 'questionnaire_distributed', 'es', 'rebote@example.test', 'MEX', '{}', 'failed', 6, $2, $3, '550 no such user', $2, $2)`,
      [randomUUID(), await clock.now(), `<${randomUUID()}@test>`],
    );
    // Passed deadlines with no round row above them: an ad-hoc request and an appointment reply.
    await api
      .http()
      .post('/deadlines')
      .set('authorization', admin)
      .send({ title: 'Shelter survey', dueDate: addDays(await today(), -3), stateCodes: ['PER'], confirmPastDue: true })
      .expect(201);
    await api
      .http()
      .post('/appointment-requests')
      .set('authorization', admin)
      .send({ kinds: ['titular'], replyDate: addDays(await today(), 1), stateCodes: ['PER'] })
      .expect(201);
    await advanceDays(7);
    const weekOf = await today(); // the configured weekday, at midnight: its moment has passed
    expect(daysBetween(dueDate, weekOf)).toBe(14);
    const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${weekOf}T00:00:00Z`),
    );
    const digest = await waitFor(
      'this week’s digest',
      async () =>
        (await sink.to(secretariat.email)).find((m) => m.subject.startsWith(`Weekly compliance digest – ${day}:`)),
      20000,
    );
    expect(digest.subject).toMatch(/2 overdue state\(s\), 1 failed mail\(s\)/);
    expect(digest.text).toContain(
      'Evaluation round 7:\n• Mexico (MEX): 14 day(s) overdue\n• Brazil (BRA): 9 day(s) overdue',
    );
    // One state a line in the HTML part too.
    expect(digest.html).toContain(
      'Evaluation round 7:<br>\n• Mexico (MEX): 14 day(s) overdue<br>\n• Brazil (BRA): 9 day(s) overdue',
    );
    expect(digest.text).toMatch(/Appointment reply:\n• Peru \(PER\): due [^\n]+, 6 day\(s\) overdue/);
    expect(digest.text).toMatch(
      /Other requests of the secretariat:\n• Peru \(PER\): Shelter survey – due [^\n]+, 10 day\(s\) overdue/,
    );
    expect(digest.html).toMatch(/Appointment reply:<br>\n• Peru \(PER\)/);
    expect(digest.text).not.toMatch(/\((ARG|CHL|HTI|URY)\): \d+ day/); // they answered
    expect(digest.text).toMatch(/Argentina \(ARG\): Statistics annex/);
    expect(digest.text).toContain('distribution to rebote@example.test: 550 no such user');
    expect(digest.text).not.toContain('buzon.lleno'); // failed before the previous digest
    const rows: Array<{ n: number }> = await ds.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE kind = 'digest' AND dedup_key = $1`,
      [`weekly_digest:${weekOf}:${secretariat.id}`],
    );
    expect(rows[0].n).toBe(1);
    await new Promise((r) => setTimeout(r, 1000)); // several more ticks: still one for this week
    const again: Array<{ n: number }> = await ds.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE kind = 'digest' AND related_entity_id = $1`,
      [weekOf],
    );
    expect(again[0].n).toBe(1);
  });

  it('shows a focal point its own state’s ledger, exports the ledger as CSV, and reports delivery health', async () => {
    const argentina = await bearer('fp.ARG');
    const own = await api.http().get('/states-parties/ARG/notifications').set('authorization', argentina).expect(200);
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(
      own.body.items.every(
        (m: { stateCode: string; recipient: { role: string | null } }) =>
          m.stateCode === 'ARG' && m.recipient.role !== 'secretariat',
      ),
    ).toBe(true);
    await api.http().get('/states-parties/BRA/notifications').set('authorization', argentina).expect(404);
    await api
      .http()
      .get('/states-parties/ARG/notifications')
      .set('authorization', await bearer('contrib.ARG'))
      .expect(403);

    const page = await api.http().get('/outbox?status=failed').set('authorization', admin).expect(200);
    const csv = await api.http().get('/outbox.csv?status=failed').set('authorization', admin).expect(200);
    const lines = csv.text.split('\r\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['created_at', 'kind', 'template']);
    expect(lines).toHaveLength(1 + page.body.items.length);
    expect(csv.text).toContain('552 mailbox full');
    expect(csv.text).toContain('550 no such user');

    const ops = await api.http().get('/operations/queues').set('authorization', admin).expect(200);
    expect(ops.body).toMatchObject({ failedMails: 2, dueReminders: 0, oldestDueReminderAgeSeconds: 0 });
    expect(ops.body.queues.map((q: { queue: string }) => q.queue)).toContain('mail');
    const metrics = await api.http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/^outbox_failed_mails{app="api"} 2$/m);
    expect(metrics.text).toMatch(/^reminder_oldest_due_age_seconds{app="api"} 0$/m);
  });
});
