// The review due date: set by the secretariat on an evaluation (a `review` deadline), stated in
// the assignment mail, and mailed 7 days before to each rapporteur whose review is not done — once,
// in her language, never to an expert the state is excluded for, shown in the reminder ledger.
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, ClockService } from '@mesecvi/clock';
import { addDays, localDate, ruleInstant } from '@mesecvi/deadlines';
import {
  createSuiteDatabase,
  login,
  MailSink,
  signedIn,
  sleep,
  startTestApi,
  startTestWorker,
  testConfig,
  waitFor,
  type SuiteDatabase,
  type TestAccount,
  type TestApi,
} from '../harness';
import { brazilSubmittedWithExperts, withdrawRapporteur } from '../harness/committee-fixtures';

const TZ = 'America/New_York';
const frenchDate = (iso: string): string =>
  new Intl.DateTimeFormat('fr', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

interface ReminderRow {
  offset_days: number;
  deadline_version: number;
  status: string;
  reason: string | null;
  recipients: number | null;
}

describe('review due date', () => {
  const sink = new MailSink();
  let db: SuiteDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let ds: DataSource;
  let admin: string;
  let focal: string;
  let secretariatAccount: TestAccount;
  let focalAccount: TestAccount;
  let evaluationId: string;
  let deadlineId: string;
  let due: string;
  let experts: Record<string, TestAccount & { bearer: string }> = {};
  // Sessions expire as the clock moves weeks ahead: sign in again after each move.
  const signInAgain = async (): Promise<void> => {
    admin = (await login(api, secretariatAccount.email, secretariatAccount.password)).bearer;
    focal = (await login(api, focalAccount.email, focalAccount.password)).bearer;
    for (const expert of Object.values(experts))
      expert.bearer = (await login(api, expert.email, expert.password)).bearer;
  };
  const put = (bearer: string, body: object, ifMatch?: string) => {
    const req = api.http().put(`/evaluations/${evaluationId}/review-due-date`).set('authorization', bearer);
    return (ifMatch ? req.set('if-match', ifMatch) : req).send(body);
  };
  const post = (path: string, bearer: string, body: object = {}) =>
    api.http().post(path).set('authorization', bearer).send(body);
  const setNow = async (target: Date): Promise<void> => {
    const now = await api.app.get(Clock).now();
    await api.app.get(ClockService).advance(target.getTime() - now.getTime());
    await signInAgain();
  };
  const reminders = (): Promise<ReminderRow[]> =>
    ds.query(
      `SELECT ru.offset_days, r.deadline_version, r.status, r.reason, r.recipients FROM reminder r JOIN reminder_rule ru ON ru.id = r.rule_id
        WHERE r.deadline_id = $1 ORDER BY r.deadline_version, r.planned_at`,
      [deadlineId],
    );
  const settled = (offset: number, version: number): Promise<ReminderRow> =>
    waitFor(`the ${offset}d reminder to be processed`, async () => {
      const row = (await reminders()).find((r) => r.offset_days === offset && r.deadline_version === version);
      return row && !['planned', 'claimed'].includes(row.status) ? row : undefined;
    });

  beforeAll(async () => {
    db = await createSuiteDatabase();
    const config = testConfig(db.url, { OUTBOX_SWEEP_EVERY_MS: '250', REMINDER_SWEEP_EVERY_MS: '250' });
    api = await startTestApi(config);
    worker = await startTestWorker(config);
    ds = api.app.get(DataSource);
    const secretariat = await signedIn(api, ds, { role: 'secretariat' });
    secretariatAccount = secretariat;
    admin = secretariat.bearer;
    focalAccount = await signedIn(api, ds, { role: 'state_focal_point', stateCode: 'BRA' });
    focal = (focalAccount as TestAccount & { bearer: string }).bearer;
    ({ evaluationId, experts } = await brazilSubmittedWithExperts(
      api,
      ds,
      { secretariatId: secretariat.id, adminBearer: admin, focalBearer: focal },
      4,
      ['HTI', 'MEX', 'ARG', 'BRA'],
    ));
    // A second rung the day before, to show nothing is sent once the review is done.
    await api
      .http()
      .put('/reminder-ladders/review')
      .set('authorization', admin)
      .send({
        rules: [
          { offsetDays: -7, recipientRoles: ['rapporteurs'], template: 'deadline_reminder' },
          { offsetDays: -1, recipientRoles: ['rapporteurs'], template: 'deadline_reminder' },
        ],
      })
      .expect(200);
    due = addDays(localDate(await api.app.get(Clock).now(), TZ), 30);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  it('is set by the secretariat only: a state user and an expert are refused', async () => {
    await put(focal, { dueDate: due }).expect(403);
    await put(experts.HTI.bearer, { dueDate: due }).expect(403);
    await api
      .http()
      .put('/evaluations/00000000-0000-4000-8000-000000000000/review-due-date')
      .set('authorization', admin)
      .send({ dueDate: due })
      .expect(404);
    const listed = await api.http().get('/deadlines?kind=review').set('authorization', admin).expect(200);
    expect(listed.body.items).toEqual([]);
  });

  it('refuses a past date (422 naming the field) unless confirmed, and audits the confirmation', async () => {
    const past = addDays(localDate(await api.app.get(Clock).now(), TZ), -3);
    const refused = await put(admin, { dueDate: past }).expect(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ pointer: '/dueDate', keyword: 'due_date_in_past' }),
    ]);
    const created = await put(admin, { dueDate: past, confirmPastDue: true }).expect(200);
    expect(created.body).toMatchObject({
      kind: 'review',
      subject: { type: 'state_evaluation', id: evaluationId },
      stateCode: 'BRA',
      dueDate: past,
      version: 1,
    });
    deadlineId = created.body.id as string;
    const [event]: Array<{ summary: { confirmedPastDue?: boolean; kind: string } }> = await ds.query(
      `SELECT summary FROM audit_event WHERE action = 'deadline.created' AND entity_id = $1`,
      [deadlineId],
    );
    expect(event.summary).toMatchObject({ kind: 'review', confirmedPastDue: true });
  });

  it('moves to a new date with If-Match, re-planning the reminders; the state does not see it', async () => {
    await put(admin, { dueDate: due }, '"7"').expect(412);
    const moved = await put(admin, { dueDate: due, reason: 'The Committee meets later' }, '"1"').expect(200);
    expect(moved.body).toMatchObject({ id: deadlineId, dueDate: due, version: 2, status: 'open' });
    const rows = await reminders();
    expect(rows.map((r) => `v${r.deadline_version} ${r.offset_days} ${r.status}/${r.reason ?? ''}`)).toEqual([
      'v1 -7 superseded/passed',
      'v1 -1 superseded/passed',
      'v2 -7 planned/',
      'v2 -1 planned/',
    ]);
    const own = await api.http().get('/deadlines').set('authorization', focal).expect(200);
    expect((own.body.items as Array<{ id: string }>).map((d) => d.id)).not.toContain(deadlineId);
    await api.http().get(`/deadlines/${deadlineId}`).set('authorization', focal).expect(404);
    await api.http().get(`/deadlines/${deadlineId}`).set('authorization', admin).expect(200);
  });

  it('states the due date in the assignment mail, in the expert’s language', async () => {
    await post(`/evaluations/${evaluationId}/rapporteurs`, admin, {
      expertUserIds: [experts.HTI.id, experts.MEX.id, experts.ARG.id],
    }).expect(200);
    const [hti] = await sink.waitForMailTo(experts.HTI.email);
    expect(hti.headers['content-language']).toBe('fr');
    expect(hti.text).toContain(
      `Votre examen est attendu au plus tard le ${frenchDate(due)} (à la fin de la journée, heure de New York).`,
    );
    const [mex] = await sink.waitForMailTo(experts.MEX.email);
    expect(mex.text).toContain('Su revisión vence el ');
    // Each rapporteur reads it with her assignments too.
    const own = await api
      .http()
      .get(`/evaluations/${evaluationId}/rapporteurs`)
      .set('authorization', experts.HTI.bearer)
      .expect(200);
    expect((own.body as Array<{ reviewDueDate: string | null }>).map((a) => a.reviewDueDate)).toEqual([due, due, due]);
  });

  it('mails each rapporteur not done 7 days before, once, in her language — not a conflicted or own-state expert', async () => {
    await post('/committee/conflicts', admin, {
      expertUserId: experts.ARG.id,
      stateCode: 'BRA',
      reason: 'Consultancy for the ministry',
    }).expect(201);
    // Mexico's rapporteur is done with her part: nothing more about it reaches her.
    await post(`/evaluations/${evaluationId}/review/completion`, experts.MEX.bearer).expect(200);

    await setNow(new Date(ruleInstant(due, -7, '09:00', TZ).getTime() + 60_000));
    const sent = await settled(-7, 2);
    expect(sent).toMatchObject({ status: 'queued', recipients: 1 });
    const [, reminder] = await sink.waitForMailTo(experts.HTI.email, 2);
    expect(reminder.subject).toBe('Rappel : Votre examen de rapporteuse – Brésil – dans 7 jours');
    expect(reminder.headers['content-language']).toBe('fr');
    expect(reminder.text).toContain(`/app/evaluations/${evaluationId}/review`);
    await sleep(1500);
    expect(await sink.to(experts.HTI.email)).toHaveLength(2);
    expect(await sink.to(experts.MEX.email)).toHaveLength(1);
    expect(await sink.to(experts.ARG.email)).toHaveLength(1);
    expect(await sink.to(experts.BRA.email)).toHaveLength(0);

    const ledger = await api.http().get(`/deadlines/${deadlineId}/reminders`).set('authorization', admin).expect(200);
    const row = (ledger.body as Array<{ deadlineVersion: number; rule: { offsetDays: number } }>).find(
      (r) => r.deadlineVersion === 2 && r.rule.offsetDays === -7,
    );
    expect(row).toMatchObject({
      recipientRole: 'rapporteurs',
      sweepStatus: 'queued',
      deliveries: [expect.objectContaining({ address: experts.HTI.email, role: 'rapporteur', language: 'fr' })],
    });
    // The state's own ledger does not show who its rapporteurs are.
    const stateLedger = await api
      .http()
      .get('/states-parties/BRA/notifications')
      .set('authorization', focal)
      .expect(200);
    const adminLedger = await api
      .http()
      .get('/states-parties/BRA/notifications')
      .set('authorization', admin)
      .expect(200);
    const roles = (body: { items: Array<{ recipient: { role: string | null } }> }) =>
      body.items.map((m) => m.recipient.role);
    expect(roles(adminLedger.body)).toContain('rapporteur');
    expect(roles(stateLedger.body)).not.toContain('rapporteur');
    const swept: unknown[] = await ds.query(
      `SELECT 1 FROM audit_event WHERE action = 'reminder.swept' AND summary->'reminderIds' ? $1`,
      [(row as unknown as { id: string }).id],
    );
    expect(swept).toHaveLength(1);
  });

  it('sends nothing more once the review is done: its deadline is completed', async () => {
    await withdrawRapporteur(api, admin, evaluationId, experts.ARG.id);
    await post(`/evaluations/${evaluationId}/review/completion`, experts.HTI.bearer).expect(200);
    const deadline = await api.http().get(`/deadlines/${deadlineId}`).set('authorization', admin).expect(200);
    expect(deadline.body.status).toBe('completed');
    const listed = await api
      .http()
      .get(`/evaluations/${evaluationId}/rapporteurs`)
      .set('authorization', admin)
      .expect(200);
    expect((listed.body as Array<{ reviewDueDate: string | null }>).every((a) => a.reviewDueDate === null)).toBe(true);

    await setNow(new Date(ruleInstant(due, -1, '09:00', TZ).getTime() + 60_000));
    expect(await settled(-1, 2)).toMatchObject({ status: 'cancelled', reason: 'completed' });
    await sleep(1500);
    expect(await sink.to(experts.HTI.email)).toHaveLength(2);
    await put(admin, { dueDate: addDays(due, 5) }).expect(409);
  });
});
