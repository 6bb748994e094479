import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeadlinePassedHandlers, DeadlinesService } from '@mesecvi/deadlines';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import {
  createAccount,
  createSuiteDatabase,
  login,
  MailSink,
  startTestApi,
  startTestWorker,
  testConfig,
  type SuiteDatabase,
  type TestAccount,
  type TestApi,
} from '../harness';
import { exampleAnswers, openRoundFor, uploadEvidence } from '../harness/submission-fixtures';

/**
 * The demo's second half on real services: three states submit, the secretariat accepts an
 * auto-assign proposal, Brazil goes through a clarification loop, the reviews complete, the
 * preliminary reports reach each focal point in their language (counted at the SMTP sink),
 * observations arrive (from the state, on its behalf, or not at all), and the final reports are
 * adopted with document symbols and published for anyone to read.
 */
describe('committee cycle: from submission to published country reports', () => {
  const sink = new MailSink();
  let db: SuiteDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let ds: DataSource;
  let admin: string;
  let roundId: string;
  let evaluations: Record<string, string> = {};
  const STATES = ['ARG', 'BRA', 'HTI'];
  const focal = new Map<string, TestAccount & { bearer: string }>();
  const experts = new Map<string, string>();

  const http = () => api.http();
  const status = async (state: string): Promise<string> =>
    (
      (await ds.query('SELECT status FROM state_evaluation WHERE id = $1', [evaluations[state]])) as Array<{
        status: string;
      }>
    )[0].status;
  const draftVersion = async (state: string): Promise<number> =>
    (
      (await ds.query('SELECT version FROM answer_draft WHERE evaluation_id = $1', [evaluations[state]])) as Array<{
        version: number;
      }>
    )[0].version;
  const submit = async (state: string): Promise<void> => {
    const fp = focal.get(state) as TestAccount & { bearer: string };
    await http()
      .put(`/evaluations/${evaluations[state]}/draft`)
      .set('authorization', fp.bearer)
      .set('if-match', `"${await draftVersion(state)}"`)
      .send(exampleAnswers('valid-argentina-complete', await uploadEvidence(api, fp.bearer, evaluations[state], 7)))
      .expect(200);
    await http().post(`/evaluations/${evaluations[state]}/submissions`).set('authorization', fp.bearer).expect(201);
  };

  beforeAll(async () => {
    db = await createSuiteDatabase();
    const config = testConfig(db.url);
    api = await startTestApi(config);
    worker = await startTestWorker(config);
    ds = api.app.get(DataSource);
    const secretariat = await createAccount(ds, { role: 'secretariat' });
    admin = (await login(api, secretariat.email, secretariat.password)).bearer;
    for (const state of STATES) {
      const account = await createAccount(ds, { role: 'state_focal_point', stateCode: state });
      focal.set(state, { ...account, bearer: (await login(api, account.email, account.password)).bearer });
    }
    for (const state of [...STATES, 'MEX', 'CHL']) {
      const account = await createAccount(ds, { role: 'committee_expert', stateCode: state });
      await ds.query(
        `INSERT INTO appointment (state_code, kind, person_name, person_email, note_reference, notified_on, term_start, status, recorded_by, recorded_at, user_id)
         VALUES ($1, 'titular', 'Expert', $2, 'Note', '2026-01-01', '2026-01-01', 'active', $3, now(), $4)`,
        [state, account.email, secretariat.id, account.id],
      );
      experts.set(account.id, (await login(api, account.email, account.password)).bearer);
    }
    const questionnaireId = (await api.app.get(QuestionnaireRegistry).current('evaluation-round')).id;
    ({ roundId, evaluations } = await openRoundFor(api, admin, {
      number: 6,
      questionnaireVersionId: questionnaireId,
      responseDueDate: '2099-01-31',
      stateCodes: STATES,
    }));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  it('walks three states from submission to published reports', async () => {
    for (const state of STATES) await submit(state);

    // Rapporteurs: a seeded proposal, accepted as is.
    const proposal = await http()
      .post(`/rounds/${roundId}/rapporteur-proposal`)
      .set('authorization', admin)
      .send({ seed: 'demo' })
      .expect(200);
    expect(proposal.body.assignments.map((a: { expertUserIds: string[] }) => a.expertUserIds.length)).toEqual([
      2, 2, 2,
    ]);
    await http()
      .post(`/rounds/${roundId}/rapporteur-assignments`)
      .set('authorization', admin)
      .send({ assignments: proposal.body.assignments })
      .expect(200);
    const rapporteurOf = (state: string): string =>
      experts.get(
        (proposal.body.assignments as Array<{ stateCode: string; expertUserIds: string[] }>).find(
          (a) => a.stateCode === state,
        )?.expertUserIds[0] as string,
      ) as string;
    for (const state of STATES) expect(await status(state)).toBe('under_review');

    // Brazil: a clarification loop in the middle.
    await http()
      .post(`/evaluations/${evaluations.BRA}/review/clarification-requests`)
      .set('authorization', rapporteurOf('BRA'))
      .send({ message: 'Please detail the budget.', pointers: ['/LEG-01'], dueDate: '2099-01-15' })
      .expect(201);
    expect(await status('BRA')).toBe('clarification_requested');
    await submit('BRA');
    expect(await status('BRA')).toBe('under_review');

    // Reviews complete; reports drafted by a rapporteur; preliminary reports sent.
    const reports: Record<string, string> = {};
    for (const state of STATES) {
      const r = rapporteurOf(state);
      await http()
        .post(`/evaluations/${evaluations[state]}/review/comments`)
        .set('authorization', r)
        .send({ body: 'Good data on shelters.', pointer: '/LEG-01', visibility: 'state' })
        .expect(201);
      await http().post(`/evaluations/${evaluations[state]}/review/completion`).set('authorization', admin).expect(200);
      expect(await status(state)).toBe('analysed');
      const created = await http()
        .post(`/evaluations/${evaluations[state]}/report`)
        .set('authorization', r)
        .expect(201);
      const saved = await http()
        .put(`/reports/${created.body.id}`)
        .set('authorization', r)
        .set('if-match', created.headers.etag)
        .send({
          sections: { legislation: `Analysis of ${state}.` },
          recommendations: [{ theme: 'budget', articles: ['8.a'], text: 'Allocate a budget line.' }],
        })
        .expect(200);
      await http()
        .post(`/reports/${created.body.id}/preliminary`)
        .set('authorization', admin)
        .set('if-match', saved.headers.etag)
        .expect(200);
      reports[state] = created.body.id;
    }
    const subjects = {
      ARG: 'informe de país preliminar',
      BRA: 'relatório de país preliminar',
      HTI: 'rapport de pays préliminaire',
    } as const;
    for (const state of STATES) {
      const mails = await sink.waitForMailTo((focal.get(state) as TestAccount).email, 2);
      expect(mails.filter((m) => m.subject.includes(subjects[state as keyof typeof subjects]))).toHaveLength(1);
    }

    // Observations: Argentina sends them, Brazil's arrive by note (the secretariat enters them), Haiti's deadline passes.
    await http()
      .post(`/reports/${reports.ARG}/observations`)
      .set('authorization', (focal.get('ARG') as { bearer: string }).bearer)
      .send({ general: 'Argentina thanks the Committee.' })
      .expect(200);
    await http()
      .post(`/reports/${reports.BRA}/observations`)
      .set('authorization', admin)
      .send({
        perRecommendation: [{ recommendationId: '6-BRA-1', text: 'Already in the 2027 budget law.' }],
        onBehalf: { channel: 'diplomatic_note', reference: 'Nota 45/2027' },
      })
      .expect(200);
    const htiDeadline = (await http().get(`/reports/${reports.HTI}`).set('authorization', admin)).body
      .observationsDeadlineId as string;
    await ds.transaction(async (m) =>
      api.app.get(DeadlinePassedHandlers).handlerFor('observations')?.(
        m,
        await api.app.get(DeadlinesService).get(m, htiDeadline),
        new Date(),
      ),
    );
    expect([await status('ARG'), await status('BRA'), await status('HTI')]).toEqual([
      'observations_received',
      'observations_received',
      'observations_overdue',
    ]);

    // Adoption (document symbols in sequence) and publication.
    for (const state of STATES) {
      const current = await http().get(`/reports/${reports[state]}`).set('authorization', admin);
      await http()
        .post(`/reports/${reports[state]}/adoption`)
        .set('authorization', admin)
        .set('if-match', current.headers.etag)
        .send({ method: 'consensus', meeting: 'Twenty-second Meeting of the CEVI', adoptedOn: '2027-11-20' })
        .expect(200);
      await http().post(`/reports/${reports[state]}/publication`).set('authorization', admin).expect(200);
      expect(await status(state)).toBe('published');
    }
    const published = await http().get('/public/reports').expect(200);
    expect(published.body.map((r: { symbol: string }) => r.symbol).sort()).toEqual([
      'MESECVI/CEVI/doc.1/27',
      'MESECVI/CEVI/doc.2/27',
      'MESECVI/CEVI/doc.3/27',
    ]);
    const bra = await http().get(`/public/reports/${reports.BRA}?format=md&lang=pt`).expect(200);
    expect(bra.text).toContain('Brasil');
    expect(bra.text).toContain('On 6-BRA-1: Already in the 2027 budget law.');
  });
});
