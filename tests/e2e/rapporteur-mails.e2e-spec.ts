// Mails to the committee's experts about the evaluations they review: assigned as rapporteur, the
// state's answer to a clarification, its observations on the preliminary report — each once, in
// the expert's language, through the outbox; never to an expert the state is excluded for.
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  createSuiteDatabase,
  MailSink,
  signedIn,
  sleep,
  startTestApi,
  startTestWorker,
  testConfig,
  type ReceivedMail,
  type SuiteDatabase,
  type TestApi,
} from '../harness';
import { brazilSubmittedWithExperts, submitExampleAnswers, withdrawRapporteur } from '../harness/committee-fixtures';

describe('mails to rapporteurs', () => {
  const sink = new MailSink();
  let db: SuiteDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let ds: DataSource;
  let admin: string;
  let focal: string;
  let evaluationId: string;
  let experts: Record<string, { id: string; email: string; bearer: string }> = {};
  const post = (path: string, bearer: string, body: object = {}) =>
    api.http().post(path).set('authorization', bearer).send(body);
  const mailsOf = async (state: string): Promise<ReceivedMail[]> => sink.to(experts[state].email);

  beforeAll(async () => {
    db = await createSuiteDatabase();
    const config = testConfig(db.url, { OUTBOX_SWEEP_EVERY_MS: '250' });
    api = await startTestApi(config);
    worker = await startTestWorker(config);
    ds = api.app.get(DataSource);
    const secretariat = await signedIn(api, ds, { role: 'secretariat' });
    admin = secretariat.bearer;
    focal = (await signedIn(api, ds, { role: 'state_focal_point', stateCode: 'BRA' })).bearer;
    ({ evaluationId, experts } = await brazilSubmittedWithExperts(
      api,
      ds,
      { secretariatId: secretariat.id, adminBearer: admin, focalBearer: focal },
      3,
      ['HTI', 'MEX', 'ARG', 'BRA'],
    ));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  it('tells each expert assigned as rapporteur, once, in her language', async () => {
    await post(`/evaluations/${evaluationId}/rapporteurs`, admin, {
      expertUserIds: [experts.HTI.id, experts.MEX.id, experts.ARG.id],
    }).expect(200);
    const [hti] = await sink.waitForMailTo(experts.HTI.email);
    const [mex] = await sink.waitForMailTo(experts.MEX.email);
    expect(hti.subject).toBe('Evaluation round 3 : vous êtes rapporteuse pour Brésil');
    expect(hti.headers['content-language']).toBe('fr');
    expect(hti.text).toContain(`/app/evaluations/${evaluationId}/review`);
    expect(mex.subject).toBe('Evaluation round 3: usted es relatora para Brasil');
    // Assigning again changes nothing and mails nobody twice.
    await post(`/evaluations/${evaluationId}/rapporteurs`, admin, { expertUserIds: [experts.HTI.id] });
    await sleep(1000);
    expect(await mailsOf('HTI')).toHaveLength(1);
    expect(await mailsOf('BRA')).toHaveLength(0);
    const ledger: Array<{ kind: string; template: string; recipient_role: string; language: string }> = await ds.query(
      `SELECT kind, template, recipient_role, language FROM outbox_message WHERE recipient_user_id = $1`,
      [experts.HTI.id],
    );
    expect(ledger).toEqual([
      { kind: 'review', template: 'rapporteur_notice', recipient_role: 'rapporteur', language: 'fr' },
    ]);
  });

  it('tells the rapporteurs the state answered a clarification, linking to the review — not one who declared a conflict since', async () => {
    await post('/committee/conflicts', admin, {
      expertUserId: experts.ARG.id,
      stateCode: 'BRA',
      reason: 'Consultancy for the ministry',
    }).expect(201);
    await post(`/evaluations/${evaluationId}/review/clarification-requests`, experts.MEX.bearer, {
      message: 'Please detail the budget.',
      pointers: ['/LEG-01'],
      dueDate: '2099-01-15',
    }).expect(201);
    await submitExampleAnswers(api, ds, focal, evaluationId);
    const mails = await sink.waitForMailTo(experts.HTI.email, 2);
    expect(mails[1].subject).toBe('Evaluation round 3 : Brésil a répondu à la demande d’éclaircissements (version 2)');
    expect(mails[1].text).toContain(`/app/evaluations/${evaluationId}/review`);
    const mex = await sink.waitForMailTo(experts.MEX.email, 2);
    expect(mex[1].subject).toBe('Evaluation round 3: Brasil respondió la aclaración (versión 2)');
    await sleep(1000);
    expect(await mailsOf('ARG')).toHaveLength(1); // the assignment mail only
    expect(await mailsOf('BRA')).toHaveLength(0);
  });

  it('tells the rapporteurs the state sent its observations on the preliminary report', async () => {
    const created = await post(`/evaluations/${evaluationId}/report`, experts.MEX.bearer).expect(201);
    const reportId = created.body.id as string;
    const saved = await api
      .http()
      .put(`/reports/${reportId}`)
      .set('authorization', experts.MEX.bearer)
      .set('if-match', created.headers.etag)
      .send({
        sections: { legislation: 'Analysis of the answers.' },
        recommendations: [{ theme: 'legislation', articles: ['7.c'], text: 'Adopt a comprehensive law.' }],
      })
      .expect(200);
    // The conflicted expert's assignment is withdrawn; the other two complete the review.
    await withdrawRapporteur(api, admin, evaluationId, experts.ARG.id);
    for (const state of ['HTI', 'MEX'])
      await post(`/evaluations/${evaluationId}/review/completion`, experts[state].bearer).expect(200);
    await api
      .http()
      .post(`/reports/${reportId}/preliminary`)
      .set('authorization', admin)
      .set('if-match', saved.headers.etag)
      .expect(200);
    await post(`/reports/${reportId}/observations`, focal, { general: 'We have adopted the law.' }).expect(200);
    const mails = await sink.waitForMailTo(experts.HTI.email, 3);
    expect(mails[2].subject).toBe('Evaluation round 3 : Brésil a envoyé ses observations sur le rapport préliminaire');
    const mex = await sink.waitForMailTo(experts.MEX.email, 3);
    expect(mex[2].subject).toBe('Evaluation round 3: Brasil envió sus observaciones al informe preliminar');
    await sleep(1000);
    expect(await mailsOf('HTI')).toHaveLength(3);
    expect(await mailsOf('ARG')).toHaveLength(1);
    expect(await mailsOf('BRA')).toHaveLength(0);
  });
});
