import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import {
  createAccount,
  createSuiteDatabase,
  login,
  MailSink,
  sleep,
  startTestApi,
  startTestWorker,
  testConfig,
  waitFor,
  type SuiteDatabase,
  type TestAccount,
  type TestApi,
} from '../harness';

const addDays = (date: Date, days: number): string =>
  new Date(date.getTime() + days * 86400_000).toISOString().slice(0, 10);

describe('distribution, state evaluations, extensions, calendar, closing the response period', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let ds: DataSource;
  let admin: string;
  let roundId: string;
  let dueDate: string;
  const people = new Map<string, TestAccount>();
  const sink = new MailSink();
  const bearer = async (key: string): Promise<string> => {
    const p = people.get(key) as TestAccount;
    return (await login(api, p.email, p.password)).bearer;
  };

  beforeAll(async () => {
    db = await createSuiteDatabase();
    const config = testConfig(db.url);
    api = await startTestApi(config);
    worker = await startTestWorker(config);
    ds = api.app.get(DataSource);
    const secretariat = await createAccount(ds, { role: 'secretariat' });
    admin = (await login(api, secretariat.email, secretariat.password)).bearer;
    for (const state of ['ARG', 'BRA', 'HTI']) {
      people.set(`fp.${state}`, await createAccount(ds, { role: 'state_focal_point', stateCode: state }));
      people.set(`contrib.${state}`, await createAccount(ds, { role: 'state_contributor', stateCode: state }));
    }
    const questionnaire = await api.app.get(QuestionnaireRegistry).current('evaluation-round');
    dueDate = addDays(await api.app.get(Clock).now(), 90);
    const round = await api
      .http()
      .post('/rounds')
      .set('authorization', admin)
      .send({ kind: 'evaluation', name: 'Fourth Multilateral Evaluation Round', number: 4 })
      .expect(201);
    roundId = round.body.id;
    await api
      .http()
      .patch(`/rounds/${roundId}`)
      .set('authorization', admin)
      .send({ questionnaireVersionId: questionnaire.id, responseDueDate: dueDate })
      .expect(200);
    const early = await api
      .http()
      .post(`/rounds/${roundId}/distribution`)
      .set('authorization', admin)
      .send({})
      .expect(409);
    expect(early.body.rule).toBe('distribution_phase');
    for (const to of ['questionnaire_adopted', 'open_for_responses'])
      await api.http().post(`/rounds/${roundId}/phase`).set('authorization', admin).send({ to }).expect(200);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  it('distributes once even when asked twice at the same time: one evaluation, one draft, one deadline and one mail per person', async () => {
    const body = { stateCodes: ['ARG', 'BRA', 'HTI'] };
    const [a, b] = await Promise.all([
      api.http().post(`/rounds/${roundId}/distribution`).set('authorization', admin).send(body),
      api.http().post(`/rounds/${roundId}/distribution`).set('authorization', admin).send(body),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([...a.body.distributed, ...b.body.distributed].sort()).toEqual(['ARG', 'BRA', 'HTI']);
    const again = await api
      .http()
      .post(`/rounds/${roundId}/distribution`)
      .set('authorization', admin)
      .send(body)
      .expect(200);
    expect(again.body).toEqual({ distributed: [], alreadyDistributed: ['ARG', 'BRA', 'HTI'] });

    const counts: Array<{ evaluations: number; drafts: number; deadlines: number }> = await ds.query(
      `SELECT (SELECT count(*)::int FROM state_evaluation WHERE round_id = $1) AS evaluations,
              (SELECT count(*)::int FROM answer_draft d JOIN state_evaluation e ON e.id = d.evaluation_id WHERE e.round_id = $1 AND d.version = 0) AS drafts,
              (SELECT count(*)::int FROM deadline WHERE kind = 'response' AND subject_type = 'state_evaluation') AS deadlines`,
      [roundId],
    );
    expect(counts[0]).toEqual({ evaluations: 3, drafts: 3, deadlines: 3 });

    const expectations: Array<[string, RegExp]> = [
      ['ARG', /cuestionario para Argentina/],
      ['BRA', /questionário para Brasil/],
      ['HTI', /questionnaire pour Haïti/],
    ];
    for (const [state, subject] of expectations) {
      for (const who of ['fp', 'contrib']) {
        const mails = await sink.waitForMailTo((people.get(`${who}.${state}`) as TestAccount).email);
        expect(mails[0].subject).toMatch(subject);
      }
    }
    await sleep(1500); // a duplicate, if any, would have arrived by now
    for (const person of people.values()) expect(await sink.to(person.email)).toHaveLength(1);
  });

  it('lets a state see only its own evaluation, with its questionnaire in the person’s language', async () => {
    const argentina = await bearer('fp.ARG');
    const list = await api.http().get(`/rounds/${roundId}/evaluations`).set('authorization', argentina).expect(200);
    expect(list.body.map((e: { stateCode: string }) => e.stateCode)).toEqual(['ARG']);
    const current = await api.app.get(QuestionnaireRegistry).current('evaluation-round');
    expect(list.body[0]).toMatchObject({
      status: 'invited',
      responseDeadline: { dueDate, version: 1, status: 'open' },
      // Where the page reads the frozen questionnaire, cacheably (`?lang=`).
      questionnaire: { key: 'evaluation-round', version: current.version },
    });
    const all = await api.http().get(`/rounds/${roundId}/evaluations`).set('authorization', admin).expect(200);
    const brazil = (all.body as Array<{ id: string; stateCode: string }>).find((e) => e.stateCode === 'BRA') as {
      id: string;
    };
    await api.http().get(`/evaluations/${brazil.id}`).set('authorization', argentina).expect(404);
    await api.http().get(`/evaluations/${brazil.id}/questionnaire`).set('authorization', argentina).expect(404);

    const questionnaire = await api
      .http()
      .get(`/evaluations/${list.body[0].id}/questionnaire`)
      .set('authorization', argentina)
      .expect(200);
    expect(questionnaire.body.language).toBe('es');
    expect(questionnaire.body.items.length).toBeGreaterThanOrEqual(40);
    expect(questionnaire.body.evaluation.id).toBe(list.body[0].id);
  });

  it('runs an extension request through approval: new deadline version, reminders re-planned, the state told', async () => {
    const argentina = await bearer('fp.ARG');
    const evaluation = (
      await api.http().get(`/rounds/${roundId}/evaluations`).set('authorization', argentina).expect(200)
    ).body[0];
    const tooEarly = await api
      .http()
      .post(`/evaluations/${evaluation.id}/extension-requests`)
      .set('authorization', argentina)
      .send({ requestedDate: dueDate, justification: 'We need the 2026 statistics.' })
      .expect(422);
    expect(tooEarly.body.errors[0].pointer).toBe('/requestedDate');
    await api
      .http()
      .post(`/evaluations/${evaluation.id}/extension-requests`)
      .set('authorization', await bearer('contrib.ARG'))
      .send({ requestedDate: addDays(new Date(dueDate), 30), justification: 'We need the 2026 statistics.' })
      .expect(403);
    const request = await api
      .http()
      .post(`/evaluations/${evaluation.id}/extension-requests`)
      .set('authorization', argentina)
      .send({ requestedDate: addDays(new Date(dueDate), 30), justification: 'We need the 2026 statistics.' })
      .expect(201);
    const second = await api
      .http()
      .post(`/evaluations/${evaluation.id}/extension-requests`)
      .set('authorization', argentina)
      .send({ requestedDate: addDays(new Date(dueDate), 45), justification: 'And even more time.' })
      .expect(409);
    expect(second.body.rule).toBe('one_open_extension_request');

    const granted = addDays(new Date(dueDate), 21);
    const decided = await api
      .http()
      .post(`/extension-requests/${request.body.id}/decision`)
      .set('authorization', admin)
      .send({ approve: true, grantedDate: granted, reason: 'Three weeks are granted.' })
      .expect(200);
    expect(decided.body).toMatchObject({ status: 'approved', grantedDate: granted });
    await api
      .http()
      .post(`/extension-requests/${request.body.id}/decision`)
      .set('authorization', admin)
      .send({ approve: true })
      .expect(409);

    const after = (await api.http().get(`/evaluations/${evaluation.id}`).set('authorization', argentina).expect(200))
      .body;
    expect(after.responseDeadline).toMatchObject({ dueDate: granted, version: 2 });
    const reminders: Array<{ deadline_version: number; status: string; n: number }> = await ds.query(
      `SELECT deadline_version, status, count(*)::int AS n FROM reminder WHERE deadline_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      [after.responseDeadline.id],
    );
    expect(reminders.filter((r) => r.deadline_version === 1).every((r) => r.status !== 'planned')).toBe(true);
    expect(reminders.some((r) => r.deadline_version === 2 && r.status === 'planned')).toBe(true);

    const mails = await waitFor('the extension mail', async () => {
      const all = await sink.to((people.get('fp.ARG') as TestAccount).email);
      return all.find((m) => /prórroga concedida/.test(m.subject));
    });
    expect(mails.text).toContain('Three weeks are granted.');
  });

  it('refuses an extension only with a reason, and leaves the deadline as it was', async () => {
    const brazil = await bearer('fp.BRA');
    const evaluation = (await api.http().get(`/rounds/${roundId}/evaluations`).set('authorization', brazil).expect(200))
      .body[0];
    const request = await api
      .http()
      .post(`/evaluations/${evaluation.id}/extension-requests`)
      .set('authorization', brazil)
      .send({ requestedDate: addDays(new Date(dueDate), 60), justification: 'Eleições nacionais em outubro.' })
      .expect(201);
    const noReason = await api
      .http()
      .post(`/extension-requests/${request.body.id}/decision`)
      .set('authorization', admin)
      .send({ approve: false })
      .expect(422);
    expect(noReason.body.errors[0].pointer).toBe('/reason');
    await api
      .http()
      .post(`/extension-requests/${request.body.id}/decision`)
      .set('authorization', admin)
      .send({ approve: false, reason: 'Other states answered on time.' })
      .expect(200);
    const after = (await api.http().get(`/evaluations/${evaluation.id}`).set('authorization', brazil).expect(200)).body;
    expect(after.responseDeadline).toMatchObject({ dueDate, version: 1 });
    const history = (
      await api.http().get(`/evaluations/${evaluation.id}/extension-requests`).set('authorization', brazil).expect(200)
    ).body;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ status: 'refused', decisionReason: 'Other states answered on time.' });
  });

  it('filters the ledger by round: the round’s distribution and extension mails, nothing of other rounds', async () => {
    const res = await api.http().get(`/outbox?roundId=${roundId}&limit=200`).set('authorization', admin).expect(200);
    const kinds = new Set((res.body.items as Array<{ kind: string }>).map((m) => m.kind));
    expect([...kinds].sort()).toEqual(['distribution', 'extension']);
    expect(res.body.items.length).toBeGreaterThanOrEqual(6 + 1);
    // Every mail of this suite is about this round; another round's filter must return none of them.
    const all = await api.http().get('/outbox?limit=200').set('authorization', admin).expect(200);
    expect(all.body.items.length).toBe(res.body.items.length);
    const other = await api
      .http()
      .post('/rounds')
      .set('authorization', admin)
      .send({ kind: 'evaluation', name: 'Another round', number: 40 })
      .expect(201);
    expect(
      (await api.http().get(`/outbox?roundId=${other.body.id}`).set('authorization', admin).expect(200)).body.items,
    ).toEqual([]);
    const bad = await api.http().get('/outbox?roundId=round-4').set('authorization', admin).expect(422);
    expect(bad.body.errors[0].pointer).toBe('/roundId');
  });

  it('serves a person’s deadlines as iCalendar at a secret URL that can be revoked', async () => {
    const argentina = await bearer('fp.ARG');
    const { url } = (await api.http().post('/me/calendar-feed').set('authorization', argentina).expect(201)).body as {
      url: string;
    };
    const path = new URL(url).pathname;
    const feed = await api.http().get(path).expect(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(feed.text).toContain('BEGIN:VCALENDAR');
    const granted = (await api.http().get(`/rounds/${roundId}/evaluations`).set('authorization', argentina).expect(200))
      .body[0].responseDeadline.dueDate as string;
    expect(feed.text).toContain(`DTSTART;VALUE=DATE:${granted.replace(/-/g, '')}`);
    expect(feed.text).not.toContain('BRA:');
    await api.http().delete('/me/calendar-feed').set('authorization', argentina).expect(204);
    await api.http().get(path).expect(404);
  });

  it('turns silent states into no_response when the response period closes, and stops their reminders', async () => {
    await api.http().post(`/rounds/${roundId}/phase`).set('authorization', admin).send({ to: 'analysis' }).expect(200);
    const rows: Array<{ state_code: string; status: string; deadline_status: string }> = await ds.query(
      `SELECT e.state_code, e.status, d.status AS deadline_status FROM state_evaluation e JOIN deadline d ON d.id = e.response_deadline_id WHERE e.round_id = $1 ORDER BY 1`,
      [roundId],
    );
    expect(rows).toEqual([
      { state_code: 'ARG', status: 'no_response', deadline_status: 'cancelled' },
      { state_code: 'BRA', status: 'no_response', deadline_status: 'cancelled' },
      { state_code: 'HTI', status: 'no_response', deadline_status: 'cancelled' },
    ]);
    const planned: Array<{ n: number }> = await ds.query(
      `SELECT count(*)::int AS n FROM reminder r JOIN state_evaluation e ON e.response_deadline_id = r.deadline_id WHERE e.round_id = $1 AND r.status = 'planned'`,
      [roundId],
    );
    expect(planned[0].n).toBe(0);
  });
});
