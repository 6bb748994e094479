// Deadlines without a worker: the public API inside a caller's transaction, ad-hoc deadlines and
// ladders through HTTP, re-planning on ladder edits, validation and refusals.
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { addDays, DeadlinesService, localDate } from '@mesecvi/deadlines';
import {
  createAccount,
  createSuiteDatabase,
  login,
  startTestApi,
  testConfig,
  type SuiteDatabase,
  type TestAccount,
  type TestApi,
} from '../harness';

describe('deadlines: public API, ad-hoc deadlines and ladders', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let secretariat: TestAccount;
  let today: string;
  const bearer = async (): Promise<string> => (await login(api, secretariat.email, secretariat.password)).bearer;
  const rows = async (id: string): Promise<string[]> =>
    (
      (await ds.query(
        `SELECT r.deadline_version, ru.offset_days, ru.time_of_day, r.recipient_role, r.status, r.reason FROM reminder r JOIN reminder_rule ru ON ru.id = r.rule_id
          WHERE r.deadline_id = $1 ORDER BY r.deadline_version, r.planned_at, r.recipient_role`,
        [id],
      )) as Array<{
        deadline_version: number;
        offset_days: number;
        time_of_day: string;
        recipient_role: string;
        status: string;
        reason: string | null;
      }>
    ).map(
      (r) =>
        `v${r.deadline_version} ${r.offset_days}@${r.time_of_day} ${r.recipient_role} ${r.status}${r.reason ? `/${r.reason}` : ''}`,
    );

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url, { LOGIN_MAX_ATTEMPTS: '1000' }));
    ds = api.app.get(DataSource);
    secretariat = await createAccount(ds, { role: 'secretariat' });
    today = localDate(await api.app.get(Clock).now(), 'America/New_York');
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('creates a deadline inside the caller transaction: a rollback leaves no deadline, reminder, history or audit row', async () => {
    const service = api.app.get(DeadlinesService);
    const now = await api.app.get(Clock).now();
    const subject = { type: 'state_evaluation', id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d' };
    await expect(
      ds.transaction(async (manager) => {
        await service.create(
          manager,
          { kind: 'response', subject, stateCode: 'CHL', dueDate: addDays(today, 90) },
          { actor: null, now },
        );
        throw new Error('the caller changed its mind');
      }),
    ).rejects.toThrow('the caller changed its mind');
    expect(await ds.query(`SELECT 1 FROM deadline WHERE subject_id = $1`, [subject.id])).toHaveLength(0);
    expect(
      await ds.query(`SELECT 1 FROM reminder r JOIN deadline d ON d.id = r.deadline_id WHERE d.subject_id = $1`, [
        subject.id,
      ]),
    ).toHaveLength(0);

    const created = await ds.transaction((manager) =>
      service.create(
        manager,
        { kind: 'response', subject, stateCode: 'chl', dueDate: addDays(today, 90) },
        { actor: null, now },
      ),
    );
    expect(created).toMatchObject({ kind: 'response', stateCode: 'CHL', version: 1, status: 'open', title: null });
    expect(await rows(created.id)).toHaveLength(8);
    // One live deadline per kind, subject and state.
    await expect(
      ds.transaction((manager) =>
        service.create(
          manager,
          { kind: 'response', subject, stateCode: 'CHL', dueDate: addDays(today, 60) },
          { actor: null, now },
        ),
      ),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(
      await ds.transaction((manager) => service.findForSubject(manager, 'response', subject, 'CHL')),
    ).toMatchObject({ id: created.id });
    // The mechanism's own deadlines are completed by their workflows, not through the secretariat's route.
    const res = await api
      .http()
      .post(`/deadlines/${created.id}/complete`)
      .set('authorization', await bearer())
      .send({});
    expect(res.status).toBe(409);
  });

  it('validates ad-hoc deadlines (422 naming the field) and refuses unknown states (404)', async () => {
    const b = await bearer();
    const bad = await api
      .http()
      .post('/deadlines')
      .set('authorization', b)
      .send({ title: '', dueDate: '2026-02-30', stateCodes: [] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/dueDate',
      '/stateCodes',
      '/title',
    ]);
    const unknown = await api
      .http()
      .post('/deadlines')
      .set('authorization', b)
      .send({ title: 'Report', dueDate: addDays(today, 30), stateCodes: ['ARG', 'XXX'] });
    expect(unknown.status).toBe(404);
    // Nothing of the request was kept: one transaction for every state.
    expect(await ds.query(`SELECT 1 FROM deadline WHERE title = 'Report'`)).toHaveLength(0);
  });

  it('cancels an ad-hoc deadline with a reason: unsent reminders are cancelled; a cancelled deadline cannot be moved', async () => {
    const b = await bearer();
    const [d] = (
      await api
        .http()
        .post('/deadlines')
        .set('authorization', b)
        .send({ title: 'Withdrawn request', dueDate: addDays(today, 45), stateCodes: ['PER'] })
    ).body;
    const res = await api
      .http()
      .post(`/deadlines/${d.id}/cancel`)
      .set('authorization', b)
      .send({ reason: 'Sent in error' });
    expect(res.body.status).toBe('cancelled');
    expect((await rows(d.id)).every((r) => r.endsWith('cancelled/cancelled'))).toBe(true);
    const move = await api
      .http()
      .post(`/deadlines/${d.id}/move`)
      .set('authorization', b)
      .send({ dueDate: addDays(today, 60), reason: 'x' });
    expect(move.status).toBe(409);
    const audit: Array<{ action: string }> = await ds.query(
      `SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`,
      [d.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['deadline.created', 'deadline.cancelled']);
  });

  it('edits a ladder: future unsent reminders of live deadlines are re-planned, retired rules superseded, new ones planned', async () => {
    const b = await bearer();
    const [d] = (
      await api
        .http()
        .post('/deadlines')
        .set('authorization', b)
        .send({ title: 'Ladder test', dueDate: addDays(today, 20), stateCodes: ['URY'] })
    ).body;
    // 20 days ahead: −30 passed at creation.
    expect((await rows(d.id))[0]).toBe('v1 -30@09:00 focal_point superseded/passed');

    const ladder = (await api.http().get('/reminder-ladders/ad_hoc').set('authorization', b)).body;
    expect(ladder.rules.map((r: { offsetDays: number }) => r.offsetDays)).toEqual([-30, -7, -1, 1, 7, 14]);
    const res = await api
      .http()
      .put('/reminder-ladders/ad_hoc')
      .set('authorization', b)
      .send({
        rules: [
          { offsetDays: -10, recipientRoles: ['focal_point', 'appointed_expert'], template: 'deadline_reminder' },
          { offsetDays: -7, timeOfDay: '10:30', recipientRoles: ['focal_point'], template: 'deadline_reminder' },
          { offsetDays: 3, recipientRoles: ['secretariat'], template: 'deadline_escalation', maxCount: 1 },
        ],
      });
    expect(res.status).toBe(200);
    expect(res.body.deadlinesReplanned).toBeGreaterThanOrEqual(1);
    expect(
      res.body.rules.map((r: { offsetDays: number; timeOfDay: string }) => `${r.offsetDays}@${r.timeOfDay}`),
    ).toEqual(['-10@09:00', '-7@10:30', '3@09:00']);

    expect(await rows(d.id)).toEqual([
      'v1 -30@09:00 focal_point superseded/passed',
      'v1 -10@09:00 appointed_expert planned',
      'v1 -10@09:00 focal_point planned',
      'v1 -7@10:30 focal_point planned',
      'v1 -1@09:00 contributors superseded/ladder_changed',
      'v1 -1@09:00 focal_point superseded/ladder_changed',
      'v1 1@09:00 focal_point superseded/ladder_changed',
      'v1 1@09:00 permanent_mission superseded/ladder_changed',
      'v1 3@09:00 secretariat planned',
      'v1 7@09:00 secretariat superseded/ladder_changed',
      'v1 14@09:00 secretariat superseded/ladder_changed',
    ]);
    const planned: Array<{ planned_at: Date }> = await ds.query(
      `SELECT r.planned_at FROM reminder r JOIN reminder_rule ru ON ru.id = r.rule_id WHERE r.deadline_id = $1 AND ru.offset_days = -7 AND r.status = 'planned'`,
      [d.id],
    );
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'America/New_York',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(planned[0].planned_at);
    expect(local).toBe('10:30');

    const twice = await api
      .http()
      .put('/reminder-ladders/ad_hoc')
      .set('authorization', b)
      .send({
        rules: [
          { offsetDays: 1, recipientRoles: ['focal_point'], template: 'deadline_reminder' },
          { offsetDays: 1, recipientRoles: ['secretariat'], template: 'deadline_escalation' },
        ],
      });
    expect(twice.status).toBe(422);
    expect((await api.http().get('/reminder-ladders/no_such_kind').set('authorization', b)).status).toBe(404);
    const audit: Array<{ action: string; summary: { changedOffsets: number[] } }> = await ds.query(
      `SELECT action, summary FROM audit_event WHERE entity_type = 'reminder_ladder'`,
    );
    expect(audit).toEqual([
      {
        action: 'reminder_ladder.updated',
        summary: expect.objectContaining({ changedOffsets: [-30, -10, -7, -1, 1, 3, 7, 14] }),
      },
    ]);
  });

  it('keeps experts out of deadline routes (403), and a focal point out of another state (404)', async () => {
    const b = await bearer();
    const [d] = (
      await api
        .http()
        .post('/deadlines')
        .set('authorization', b)
        .send({ title: 'Scope test', dueDate: addDays(today, 45), stateCodes: ['MEX'] })
    ).body;
    const expert = await createAccount(ds, { role: 'committee_expert', stateCode: 'MEX' });
    expect(
      (
        await api
          .http()
          .get(`/deadlines/${d.id}`)
          .set('authorization', (await login(api, expert.email, expert.password)).bearer)
      ).status,
    ).toBe(403);
    const fp = await createAccount(ds, { role: 'state_focal_point', stateCode: 'GTM' });
    const res = await api
      .http()
      .get(`/deadlines/${d.id}`)
      .set('authorization', (await login(api, fp.email, fp.password)).bearer);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });
});
