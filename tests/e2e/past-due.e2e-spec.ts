// A due date before today — a round's response due date, an ad-hoc deadline, a move, a granted
// extension — is refused with 422 naming the field, unless the request confirms it is intended
// (entering history), which the audit trail records.
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { addDays, localDate } from '@mesecvi/deadlines';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { createSuiteDatabase, signedIn, startTestApi, testConfig, type SuiteDatabase, type TestApi } from '../harness';

const TZ = 'America/New_York';

describe('due dates in the past', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let admin: string;
  let focal: string;
  let today: string;
  const post = (path: string, bearer: string, body: object) =>
    api.http().post(path).set('authorization', bearer).send(body);
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await ds.query<Array<{ n: string }>>(sql, params))[0].n);
  const auditSummary = async (action: string, entityId: string): Promise<Record<string, unknown>> =>
    (
      await ds.query<Array<{ summary: Record<string, unknown> }>>(
        `SELECT summary FROM audit_event WHERE action = $1 AND entity_id = $2 ORDER BY occurred_at DESC LIMIT 1`,
        [action, entityId],
      )
    )[0].summary;
  const expectPastDue = (
    res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
    pointer: string,
  ) => {
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.rule).toBe('due_date_in_past');
    expect((res.body.errors as Array<{ pointer: string }>)[0].pointer).toBe(pointer);
  };

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url));
    ds = api.app.get(DataSource);
    admin = (await signedIn(api, ds, { role: 'secretariat' })).bearer;
    focal = (await signedIn(api, ds, { role: 'state_focal_point', stateCode: 'ARG' })).bearer;
    today = localDate(await api.app.get(Clock).now(), TZ);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('refuses a round response due date before today, and takes it when confirmed (audited)', async () => {
    const round = await post('/rounds', admin, {
      kind: 'evaluation',
      name: 'Second Multilateral Evaluation Round',
      number: 2,
    }).expect(201);
    const id = round.body.id as string;
    const yesterday = addDays(today, -1);
    const refused = await api
      .http()
      .patch(`/rounds/${id}`)
      .set('authorization', admin)
      .send({ responseDueDate: yesterday });
    expectPastDue(refused, '/responseDueDate');
    expect(
      (await api.http().get(`/rounds/${id}`).set('authorization', admin).expect(200)).body.calendar.responseDueDate,
    ).toBeNull();
    // Today is still open until the end of the day.
    await api.http().patch(`/rounds/${id}`).set('authorization', admin).send({ responseDueDate: today }).expect(200);
    const confirmed = await api
      .http()
      .patch(`/rounds/${id}`)
      .set('authorization', admin)
      .send({ responseDueDate: '2012-03-31', confirmPastDue: true })
      .expect(200);
    expect(confirmed.body.calendar.responseDueDate).toBe('2012-03-31');
    expect(await auditSummary('round.updated', id)).toEqual({ fields: ['responseDueDate'], confirmedPastDue: true });
  });

  it('refuses an ad-hoc deadline or a move before today, and takes them when confirmed (audited)', async () => {
    const before = await count(`SELECT count(*) AS n FROM deadline WHERE kind = 'ad_hoc'`);
    const body = {
      title: 'National information for the 2025 annual report',
      dueDate: addDays(today, -10),
      stateCodes: ['ARG', 'BRA'],
    };
    expectPastDue(await post('/deadlines', admin, body), '/dueDate');
    expect(await count(`SELECT count(*) AS n FROM deadline WHERE kind = 'ad_hoc'`)).toBe(before);

    const created = await post('/deadlines', admin, { ...body, confirmPastDue: true }).expect(201);
    expect(created.body).toHaveLength(2);
    expect(await auditSummary('deadline.created', created.body[0].id)).toMatchObject({ confirmedPastDue: true });

    const future = await post('/deadlines', admin, {
      ...body,
      dueDate: addDays(today, 30),
      stateCodes: ['ARG'],
    }).expect(201);
    const id = future.body[0].id as string;
    expectPastDue(
      await post(`/deadlines/${id}/move`, admin, { dueDate: addDays(today, -2), reason: 'Typo' }),
      '/dueDate',
    );
    expect((await api.http().get(`/deadlines/${id}`).set('authorization', admin).expect(200)).body.version).toBe(1);
    await post(`/deadlines/${id}/move`, admin, {
      dueDate: addDays(today, -2),
      reason: 'Recorded late',
      confirmPastDue: true,
    }).expect(200);
    expect(await auditSummary('deadline.moved', id)).toMatchObject({ confirmedPastDue: true });
  });

  it('refuses to grant an extension to a date before today unless confirmed (audited)', async () => {
    const questionnaire = await api.app.get(QuestionnaireRegistry).current('evaluation-round');
    const round = await post('/rounds', admin, {
      kind: 'evaluation',
      name: 'Third Multilateral Evaluation Round',
      number: 3,
    }).expect(201);
    const roundId = round.body.id as string;
    await api
      .http()
      .patch(`/rounds/${roundId}`)
      .set('authorization', admin)
      .send({ questionnaireVersionId: questionnaire.id, responseDueDate: addDays(today, -20), confirmPastDue: true })
      .expect(200);
    for (const to of ['questionnaire_adopted', 'open_for_responses'])
      await post(`/rounds/${roundId}/phase`, admin, { to }).expect(200);
    await post(`/rounds/${roundId}/distribution`, admin, { stateCodes: ['ARG'] }).expect(200);
    const [evaluation] = (
      await api.http().get(`/rounds/${roundId}/evaluations`).set('authorization', admin).expect(200)
    ).body as Array<{ id: string }>;
    const request = await post(`/evaluations/${evaluation.id}/extension-requests`, focal, {
      requestedDate: addDays(today, 30),
      justification: 'The national statistics office publishes its figures next month.',
    }).expect(201);
    const refused = await post(`/extension-requests/${request.body.id}/decision`, admin, {
      approve: true,
      grantedDate: addDays(today, -5),
    });
    expectPastDue(refused, '/grantedDate');
    expect(
      (await api.http().get(`/evaluations/${evaluation.id}/extension-requests`).set('authorization', admin).expect(200))
        .body[0].status,
    ).toBe('requested');
    const granted = await post(`/extension-requests/${request.body.id}/decision`, admin, {
      approve: true,
      grantedDate: addDays(today, -5),
      confirmPastDue: true,
    }).expect(200);
    expect(granted.body).toMatchObject({ status: 'approved', grantedDate: addDays(today, -5) });
    expect(await auditSummary('extension.approved', request.body.id)).toMatchObject({ confirmedPastDue: true });
  });
});
