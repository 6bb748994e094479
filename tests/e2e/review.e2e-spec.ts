import { DataSource } from 'typeorm';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import {
  createSuiteDatabase,
  login,
  signedIn,
  startTestApi,
  testConfig,
  type SuiteDatabase,
  type TestApi,
} from '../harness';
import { createAccount } from '../harness/accounts';
import { exampleAnswers, openRoundFor, uploadEvidence } from '../harness/submission-fixtures';

/**
 * The committee's review of one state's answers through HTTP: rapporteurs read the submitted
 * version and evidence, comment (committee-only or shared with the state, anchored to answers,
 * threaded, resolvable), ask for clarification (the state answers with a new version, which
 * closes the request and its deadline), and complete the review (→ analysed).
 */
describe('committee review', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let admin: string;
  let focal: string;
  let evaluationId: string;
  const experts: Record<string, { id: string; bearer: string }> = {};

  const post = (path: string, bearer: string, body: object = {}) =>
    api.http().post(path).set('authorization', bearer).send(body);
  const get = (path: string, bearer: string) => api.http().get(path).set('authorization', bearer);
  const status = async (): Promise<string> =>
    (
      (await ds.query('SELECT status FROM state_evaluation WHERE id = $1', [evaluationId])) as Array<{ status: string }>
    )[0].status;
  const draftVersion = async (): Promise<number> =>
    (
      (await ds.query('SELECT version FROM answer_draft WHERE evaluation_id = $1', [evaluationId])) as Array<{
        version: number;
      }>
    )[0].version;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url));
    ds = api.app.get(DataSource);
    const secretariat = await signedIn(api, ds, { role: 'secretariat' });
    admin = secretariat.bearer;
    focal = (await signedIn(api, ds, { role: 'state_focal_point', stateCode: 'BRA' })).bearer;
    for (const state of ['ARG', 'BRA', 'HTI', 'MEX']) {
      const account = await createAccount(ds, { role: 'committee_expert', stateCode: state });
      await ds.query(
        `INSERT INTO appointment (state_code, kind, person_name, person_email, note_reference, notified_on, term_start, status, recorded_by, recorded_at, user_id)
         VALUES ($1, 'titular', 'Expert', $2, 'Note', '2026-01-01', '2026-01-01', 'active', $3, now(), $4)`,
        [state, account.email, secretariat.id, account.id],
      );
      experts[state] = { id: account.id, bearer: (await login(api, account.email, account.password)).bearer };
    }
    const questionnaireId = (await api.app.get(QuestionnaireRegistry).current('evaluation-round')).id;
    const round = await openRoundFor(api, admin, {
      number: 3,
      questionnaireVersionId: questionnaireId,
      responseDueDate: '2099-01-31',
      stateCodes: ['BRA'],
    });
    evaluationId = round.evaluations.BRA;
    const evidence = await uploadEvidence(api, focal, evaluationId);
    await api
      .http()
      .put(`/evaluations/${evaluationId}/draft`)
      .set('authorization', focal)
      .set('if-match', `"${await draftVersion()}"`)
      .send(exampleAnswers('valid-argentina-complete', evidence))
      .expect(200);
    await post(`/evaluations/${evaluationId}/submissions`, focal).expect(201);
    await post(`/evaluations/${evaluationId}/rapporteurs`, admin, {
      expertUserIds: [experts.HTI.id, experts.MEX.id],
    }).expect(200);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('lets the rapporteurs read the submitted version and its evidence; other experts (and the state’s own) get 404', async () => {
    const overview = await get(`/evaluations/${evaluationId}/review`, experts.HTI.bearer).expect(200);
    expect(overview.body).toMatchObject({ stateCode: 'BRA', status: 'under_review' });
    expect(overview.body.submissions).toHaveLength(1);
    expect(overview.body.attachments).toHaveLength(7);
    const version = await get(`/evaluations/${evaluationId}/review/submissions/1`, experts.MEX.bearer).expect(200);
    expect(Object.keys(version.body.answers)).toContain('LEG-01');
    const file = await get(
      `/evaluations/${evaluationId}/review/attachments/${overview.body.attachments[0].id}`,
      experts.HTI.bearer,
    ).expect(200);
    expect(file.headers['x-content-sha256']).toBe(overview.body.attachments[0].sha256);
    for (const outsider of ['ARG', 'BRA']) {
      expect((await get(`/evaluations/${evaluationId}/review`, experts[outsider].bearer)).status).toBe(404);
      expect((await get(`/evaluations/${evaluationId}/review/submissions/1`, experts[outsider].bearer)).status).toBe(
        404,
      );
      expect((await get(`/evaluations/${evaluationId}/review/comments`, experts[outsider].bearer)).status).toBe(404);
    }
  });

  it('keeps committee comments from the state, shares the others, validates anchors and threads', async () => {
    const internal = await post(`/evaluations/${evaluationId}/review/comments`, experts.HTI.bearer, {
      body: 'Check the date of the law.',
      pointer: '/LEG-01',
    }).expect(201);
    expect(internal.body).toMatchObject({ visibility: 'committee', pointer: '/LEG-01', parentId: null });
    const shared = await post(`/evaluations/${evaluationId}/review/comments`, experts.MEX.bearer, {
      body: 'Thank you for the detailed answers.',
      visibility: 'state',
    }).expect(201);
    const absent = await post(`/evaluations/${evaluationId}/review/comments`, experts.HTI.bearer, {
      body: 'x',
      pointer: '/NOPE-99',
    });
    expect(absent.status).toBe(422);
    expect(absent.body.errors[0]).toMatchObject({ pointer: '/pointer', keyword: 'pointer_in_questionnaire' });

    const seenByState = await get(`/evaluations/${evaluationId}/review/comments`, focal).expect(200);
    expect(seenByState.body.map((c: { id: string }) => c.id)).toEqual([shared.body.id]);
    const reply = await post(`/evaluations/${evaluationId}/review/comments`, focal, {
      body: 'You are welcome.',
      parentId: shared.body.id,
    }).expect(201);
    expect(reply.body).toMatchObject({ parentId: shared.body.id, visibility: 'state' });
    expect(
      (await post(`/evaluations/${evaluationId}/review/comments`, focal, { body: 'Peek', parentId: internal.body.id }))
        .body.errors[0].keyword,
    ).toBe('known_thread');
    expect((await post(`/evaluations/${evaluationId}/review/comments`, focal, { body: 'A new thread' })).status).toBe(
      403,
    );
    const otherFocal = await signedIn(api, ds, { role: 'state_focal_point', stateCode: 'ARG' });
    expect((await get(`/evaluations/${evaluationId}/review/comments`, otherFocal.bearer)).status).toBe(404);

    const committee = await get(`/evaluations/${evaluationId}/review/comments`, admin).expect(200);
    expect(committee.body).toHaveLength(3);
    await post(`/review-comments/${shared.body.id}/resolution`, experts.HTI.bearer).expect(200);
    expect((await post(`/review-comments/${reply.body.id}/resolution`, experts.HTI.bearer)).body.rule).toBe(
      'resolve_thread_root',
    );
    expect(
      (
        await post(`/evaluations/${evaluationId}/review/comments`, focal, {
          body: 'One more',
          parentId: shared.body.id,
        })
      ).body.rule,
    ).toBe('thread_resolved');
  });

  it('runs a rapporteur’s clarification through the revision loop, with a deadline closed by the state’s new version', async () => {
    const bad = await post(`/evaluations/${evaluationId}/review/clarification-requests`, experts.MEX.bearer, {
      message: 'Budget?',
      pointers: ['/NOPE-01'],
      dueDate: '2099-01-15',
    });
    expect(bad.status).toBe(422);
    expect(await status()).toBe('under_review');
    expect(
      (
        await post(`/evaluations/${evaluationId}/review/clarification-requests`, experts.ARG.bearer, {
          message: 'x',
          dueDate: '2099-01-15',
        })
      ).status,
    ).toBe(404);
    const request = await post(`/evaluations/${evaluationId}/review/clarification-requests`, experts.MEX.bearer, {
      message: 'Please detail the budget.',
      pointers: ['/LEG-01'],
      dueDate: '2099-01-15',
    }).expect(201);
    expect(request.body.message).toContain('/LEG-01');
    expect(await status()).toBe('clarification_requested');
    const deadline = (await ds.query('SELECT kind, status, state_code FROM deadline WHERE id = $1', [
      request.body.deadlineId,
    ])) as Array<{ kind: string; status: string; state_code: string }>;
    expect(deadline[0]).toEqual({ kind: 'clarification', status: 'open', state_code: 'BRA' });
    const early = await post(`/evaluations/${evaluationId}/review/completion`, experts.MEX.bearer);
    expect(early.status).toBe(409);
    expect(early.body.rule).toBe('evaluation_not_under_review');

    const answer = await post(`/evaluations/${evaluationId}/submissions`, focal).expect(201);
    expect(answer.body).toMatchObject({
      versionNumber: 2,
      event: 'resubmit_with_rapporteurs',
      evaluationStatus: 'under_review',
    });
    expect(
      (
        (await ds.query('SELECT status FROM deadline WHERE id = $1', [request.body.deadlineId])) as Array<{
          status: string;
        }>
      )[0].status,
    ).toBe('completed');
    expect(
      (await get(`/evaluations/${evaluationId}/review`, experts.HTI.bearer).expect(200)).body.submissions,
    ).toHaveLength(2);
  });

  it('shows the rapporteurs what changed between versions; the evaluated state’s expert and other experts get 404', async () => {
    const diff = await get(`/evaluations/${evaluationId}/submission-diff?from=1&to=2`, experts.MEX.bearer);
    expect(diff.status).toBe(200);
    expect(diff.body).toMatchObject({ from: { versionNumber: 1 }, to: { versionNumber: 2 } });
    expect(Array.isArray(diff.body.changes)).toBe(true);
    for (const outsider of ['BRA', 'ARG']) {
      const denied = await get(`/evaluations/${evaluationId}/submission-diff?from=1&to=2`, experts[outsider].bearer);
      expect({ outsider, status: denied.status }).toEqual({ outsider, status: 404 });
      expect(denied.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('moves to analysed when the last rapporteur completes the review, audited', async () => {
    const first = await post(`/evaluations/${evaluationId}/review/completion`, experts.HTI.bearer).expect(200);
    expect(first.body).toMatchObject({ evaluationStatus: 'under_review', openRapporteurs: 1 });
    expect((await post(`/evaluations/${evaluationId}/review/completion`, experts.HTI.bearer)).status).toBe(403);
    const last = await post(`/evaluations/${evaluationId}/review/completion`, experts.MEX.bearer).expect(200);
    expect(last.body).toMatchObject({ evaluationStatus: 'analysed', openRapporteurs: 0 });
    const audited: Array<{ n: number }> = await ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'rapporteur_assignment.completed' AND summary->>'evaluationId' = $1`,
      [evaluationId],
    );
    expect(audited[0].n).toBe(2);
    expect(
      (await post(`/evaluations/${evaluationId}/review/comments`, experts.HTI.bearer, { body: 'Late note' })).status,
    ).toBe(201);
  });
});
