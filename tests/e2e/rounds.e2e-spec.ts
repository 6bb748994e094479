import { randomUUID } from 'node:crypto';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { DataSource } from 'typeorm';
import {
  createAccount,
  createSuiteDatabase,
  login,
  startTestApi,
  testConfig,
  type SuiteDatabase,
  type TestApi,
} from '../harness';

describe('rounds: creation, calendar, phases', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let admin: string;
  let focal: string;
  let questionnaireId: string;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url));
    ds = api.app.get(DataSource);
    const secretariat = await createAccount(ds, { role: 'secretariat' });
    admin = (await login(api, secretariat.email, secretariat.password)).bearer;
    const fp = await createAccount(ds, { role: 'state_focal_point', stateCode: 'ARG' });
    focal = (await login(api, fp.email, fp.password)).bearer;
    questionnaireId = (await api.app.get(QuestionnaireRegistry).current('evaluation-round')).id;
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('creates an evaluation round in planning with the default periods, and refuses a duplicate number', async () => {
    const res = await api
      .http()
      .post('/rounds')
      .set('authorization', admin)
      .send({ kind: 'evaluation', name: 'Fourth Multilateral Evaluation Round', number: 4 })
      .expect(201);
    expect(res.body).toMatchObject({
      phase: 'planning',
      calendar: { responseDueDate: null, responseDays: 90, observationsDays: 30, followUpDays: 90 },
    });
    const dup = await api
      .http()
      .post('/rounds')
      .set('authorization', admin)
      .send({ kind: 'evaluation', name: 'Again', number: 4 })
      .expect(409);
    expect(dup.body.detail).toContain('number 4');
    await api
      .http()
      .post('/rounds')
      .set('authorization', focal)
      .send({ kind: 'evaluation', name: 'Mine', number: 9 })
      .expect(403);
  });

  it('ties a follow-up round to an evaluation round', async () => {
    const evaluation = await api
      .http()
      .post('/rounds')
      .set('authorization', admin)
      .send({ kind: 'evaluation', name: 'Third Round', number: 3 })
      .expect(201);
    const missing = await api
      .http()
      .post('/rounds')
      .set('authorization', admin)
      .send({ kind: 'follow_up', name: 'Follow-up', number: 3 })
      .expect(422);
    expect(missing.body.errors[0].pointer).toBe('/evaluationRoundId');
    const followUp = await api
      .http()
      .post('/rounds')
      .set('authorization', admin)
      .send({ kind: 'follow_up', name: 'Third Follow-up Round', number: 3, evaluationRoundId: evaluation.body.id })
      .expect(201);
    expect(followUp.body.evaluationRoundId).toBe(evaluation.body.id);
  });

  it('moves through the phases one at a time, each checked and audited', async () => {
    const round = (
      await api
        .http()
        .post('/rounds')
        .set('authorization', admin)
        .send({ kind: 'evaluation', name: 'Fifth Round', number: 5 })
        .expect(201)
    ).body;
    const skip = await api
      .http()
      .post(`/rounds/${round.id}/phase`)
      .set('authorization', admin)
      .send({ to: 'open_for_responses' })
      .expect(409);
    expect(skip.body).toMatchObject({ code: 'conflict', rule: 'round_phase_order' });
    const noQuestionnaire = await api
      .http()
      .post(`/rounds/${round.id}/phase`)
      .set('authorization', admin)
      .send({ to: 'questionnaire_adopted' })
      .expect(409);
    expect(noQuestionnaire.body.detail).toMatch(/questionnaire/);

    await api
      .http()
      .patch(`/rounds/${round.id}`)
      .set('authorization', admin)
      .send({ questionnaireVersionId: questionnaireId, responseDueDate: '2027-03-31' })
      .expect(200);
    for (const to of [
      'questionnaire_adopted',
      'open_for_responses',
      'analysis',
      'reports',
      'hemispheric_report',
      'closed',
    ]) {
      const res = await api
        .http()
        .post(`/rounds/${round.id}/phase`)
        .set('authorization', admin)
        .send({ to })
        .expect(200);
      expect(res.body.phase).toBe(to);
    }
    await api.http().post(`/rounds/${round.id}/phase`).set('authorization', admin).send({ to: 'planning' }).expect(409);
    await api.http().patch(`/rounds/${round.id}`).set('authorization', admin).send({ name: 'Renamed' }).expect(409);
    const audit: Array<{ summary: { from: string; to: string } }> = await ds.query(
      `SELECT summary FROM audit_event WHERE entity_id = $1 AND action = 'round.phase_changed' ORDER BY id`,
      [round.id],
    );
    expect(audit.map((a) => a.summary.to)).toEqual([
      'questionnaire_adopted',
      'open_for_responses',
      'analysis',
      'reports',
      'hemispheric_report',
      'closed',
    ]);
  });

  it('freezes the questionnaire choice once adopted', async () => {
    const round = (
      await api
        .http()
        .post('/rounds')
        .set('authorization', admin)
        .send({ kind: 'evaluation', name: 'Sixth Round', number: 6 })
        .expect(201)
    ).body;
    const unknown = await api
      .http()
      .patch(`/rounds/${round.id}`)
      .set('authorization', admin)
      .send({ questionnaireVersionId: randomUUID() })
      .expect(422);
    expect(unknown.body.errors[0].pointer).toBe('/questionnaireVersionId');
    await api
      .http()
      .patch(`/rounds/${round.id}`)
      .set('authorization', admin)
      .send({ questionnaireVersionId: questionnaireId })
      .expect(200);
    await api
      .http()
      .post(`/rounds/${round.id}/phase`)
      .set('authorization', admin)
      .send({ to: 'questionnaire_adopted' })
      .expect(200);
    const frozen: Array<{ frozen_at: Date | null }> = await ds.query(
      'SELECT frozen_at FROM questionnaire_version WHERE id = $1',
      [questionnaireId],
    );
    expect(frozen[0].frozen_at).not.toBeNull();
    const res = await api
      .http()
      .patch(`/rounds/${round.id}`)
      .set('authorization', admin)
      .send({ questionnaireVersionId: randomUUID() })
      .expect(409);
    expect(res.body.rule).toBe('questionnaire_frozen_after_adoption');
  });

  it('opens for responses with the default period when no due date was set', async () => {
    const round = (
      await api
        .http()
        .post('/rounds')
        .set('authorization', admin)
        .send({ kind: 'evaluation', name: 'Eighth Round', number: 8 })
        .expect(201)
    ).body;
    await api
      .http()
      .patch(`/rounds/${round.id}`)
      .set('authorization', admin)
      .send({ questionnaireVersionId: questionnaireId, responseDays: 60 })
      .expect(200);
    await api
      .http()
      .post(`/rounds/${round.id}/phase`)
      .set('authorization', admin)
      .send({ to: 'questionnaire_adopted' })
      .expect(200);
    const open = await api
      .http()
      .post(`/rounds/${round.id}/phase`)
      .set('authorization', admin)
      .send({ to: 'open_for_responses' })
      .expect(200);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
    const expected = new Date(Date.parse(`${today}T00:00:00Z`) + 60 * 86400_000).toISOString().slice(0, 10);
    expect(open.body.calendar.responseDueDate).toBe(expected);
  });

  it('answers 404 for an unknown round and 422 for a bad date', async () => {
    await api.http().get(`/rounds/${randomUUID()}`).set('authorization', focal).expect(404);
    await api.http().get('/rounds/not-a-uuid').set('authorization', focal).expect(404);
    const round = (
      await api
        .http()
        .post('/rounds')
        .set('authorization', admin)
        .send({ kind: 'evaluation', name: 'Seventh Round', number: 7 })
        .expect(201)
    ).body;
    const bad = await api
      .http()
      .patch(`/rounds/${round.id}`)
      .set('authorization', admin)
      .send({ responseDueDate: '31/03/2027' })
      .expect(422);
    expect(bad.body.errors[0].pointer).toBe('/responseDueDate');
  });
});
