import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
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
import {
  appointedExpert,
  followUpAnswers,
  openFollowUpRound,
  publishCountryReport,
  submitExampleAnswers,
} from '../harness/committee-fixtures';
import { openRoundFor, uploadEvidence } from '../harness/submission-fixtures';

const ROUND = 5;
const RECOMMENDATIONS: Record<string, Array<{ theme: string; articles: string[]; text: string }>> = {
  ARG: [
    { theme: 'budget', articles: ['8.a'], text: 'Asignar una partida presupuestaria al plan nacional.' },
    { theme: 'legislation', articles: ['7.c', '7.e'], text: 'Tipificar el femicidio en el código penal.' },
  ],
  BRA: [{ theme: 'access_to_justice', articles: ['7.f'], text: 'Abrir juizados especializados em todos os estados.' }],
  HTI: [
    {
      theme: 'information_and_statistics',
      articles: ['8.h'],
      text: 'Publier des statistiques annuelles sur les féminicides.',
    },
  ],
};
const STATES = Object.keys(RECOMMENDATIONS);

/**
 * Follow-up on real services: three published country reports; a follow-up round generates each
 * state's questionnaire from its open recommendations (registered, frozen, distributed through the
 * rounds' machinery, once); the states answer and submit; rapporteurs propose and the secretariat
 * records ratings; the register (JSON, CSV, XLSX) follows; Argentina's national follow-up report is
 * adopted and published; a second follow-up round asks only what is still open and skips Haiti.
 */
describe('follow-up of recommendations', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let admin: string;
  let evaluationRoundId: string;
  let followUpId: string;
  const followUp: Record<string, string> = {};
  const focal: Record<string, string> = {};
  let rapporteur: { id: string; bearer: string };
  let argExpert: { id: string; bearer: string };
  let chlExpert: { id: string; bearer: string };

  const http = () => api.http();
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    ((await ds.query(`SELECT count(*)::int AS n FROM (${sql}) q`, params)) as Array<{ n: number }>)[0].n;
  const answerFor = (items: number, attachmentId: string): Record<string, unknown> =>
    followUpAnswers(
      Array.from({ length: items }, (_, i) => `REC-${String(i + 1).padStart(2, '0')}`),
      attachmentId,
    );
  const openFollowUp = (number: number): Promise<string> =>
    openFollowUpRound(api, admin, { evaluationRoundId, number, responseDueDate: '2099-03-31' });
  const rate = (
    kind: 'rating-proposals' | 'ratings',
    bearer: string,
    state: string,
    recommendationId: string,
    value: string,
    justification = `Rated ${value}.`,
  ) =>
    http()
      .post(`/evaluations/${followUp[state]}/${kind}`)
      .set('authorization', bearer)
      .send({ recommendationId, value, justification });

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url));
    ds = api.app.get(DataSource);
    const secretariat = await createAccount(ds, { role: 'secretariat' });
    admin = (await login(api, secretariat.email, secretariat.password)).bearer;
    for (const state of STATES) {
      const account = await createAccount(ds, { role: 'state_focal_point', stateCode: state });
      focal[state] = (await login(api, account.email, account.password)).bearer;
    }
    rapporteur = await appointedExpert(api, ds, secretariat.id, 'MEX');
    argExpert = await appointedExpert(api, ds, secretariat.id, 'ARG');
    chlExpert = await appointedExpert(api, ds, secretariat.id, 'CHL');
    const questionnaireVersionId = (await api.app.get(QuestionnaireRegistry).current('evaluation-round')).id;
    const opened = await openRoundFor(api, admin, {
      number: ROUND,
      questionnaireVersionId,
      responseDueDate: '2099-01-31',
      stateCodes: STATES,
    });
    evaluationRoundId = opened.roundId;
    for (const state of STATES) {
      await submitExampleAnswers(api, ds, focal[state], opened.evaluations[state]);
      await publishCountryReport(api, {
        adminBearer: admin,
        rapporteur,
        evaluationId: opened.evaluations[state],
        recommendations: RECOMMENDATIONS[state],
        adoptedOn: '2027-11-20',
      });
    }
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('lists the adopted recommendations in the register, each state seeing only its own', async () => {
    const all = await http().get(`/recommendations?round=${ROUND}`).set('authorization', admin).expect(200);
    expect(all.body.map((r: { id: string }) => r.id)).toEqual(['5-ARG-1', '5-ARG-2', '5-BRA-1', '5-HTI-1']);
    expect(all.body[0]).toMatchObject({
      stateCode: 'ARG',
      round: { number: ROUND },
      theme: 'budget',
      articles: ['8.a'],
      status: 'adopted',
      complianceStatus: null,
      closed: false,
    });
    expect(all.body[0].report.documentSymbol).toMatch(/^MESECVI\/CEVI\/doc\.\d+\/27$/);
    const own = await http().get('/recommendations').set('authorization', focal.ARG).expect(200);
    expect(own.body.map((r: { id: string }) => r.id)).toEqual(['5-ARG-1', '5-ARG-2']);
    expect((await http().get('/recommendations?state=BRA').set('authorization', focal.ARG).expect(200)).body).toEqual(
      [],
    );
    expect((await http().get('/recommendations/5-BRA-1').set('authorization', focal.ARG)).status).toBe(404);
    expect((await http().get('/recommendations/5-BRA-1').set('authorization', rapporteur.bearer)).status).toBe(200);
    const bad = await http().get('/recommendations?article=7z').set('authorization', admin).expect(422);
    expect(bad.body.errors[0].pointer).toBe('/article');
    const scale = await http().get('/recommendations/rating-scale').set('authorization', focal.BRA).expect(200);
    expect(scale.body.map((s: { value: string; closes: boolean }) => [s.value, s.closes])).toEqual([
      ['complied', true],
      ['partially_complied', false],
      ['not_complied', false],
      ['no_information', false],
    ]);
    expect(scale.body[1].labels.pt).toBe('Parcialmente cumprida');
  });

  it('sets translations (secretariat, audited); a state cannot', async () => {
    const set = await http()
      .put('/recommendations/5-ARG-1/translations')
      .set('authorization', admin)
      .send({ translations: { en: 'Allocate a budget line to the national plan.' } })
      .expect(200);
    expect(set.body.translations).toEqual({ en: 'Allocate a budget line to the national plan.' });
    expect(
      (
        await http()
          .put('/recommendations/5-ARG-1/translations')
          .set('authorization', focal.ARG)
          .send({ translations: { en: 'x' } })
      ).status,
    ).toBe(403);
    expect(
      (
        await http()
          .put('/recommendations/5-ARG-1/translations')
          .set('authorization', admin)
          .send({ translations: { de: 'x' } })
      ).status,
    ).toBe(422);
    expect(
      await count(
        `SELECT 1 FROM audit_event WHERE action = 'recommendation.translations_set' AND entity_id = '5-ARG-1'`,
      ),
    ).toBe(1);
  });

  it('opens a follow-up round: one frozen questionnaire per state with exactly its open recommendations, distributed once', async () => {
    followUpId = await openFollowUp(1);
    const plain = await http()
      .post(`/rounds/${followUpId}/distribution`)
      .set('authorization', admin)
      .send({})
      .expect(409);
    expect(plain.body.rule).toBe('follow_up_generated');
    const versionsBefore = await count('SELECT 1 FROM questionnaire_version');
    const generated = await http()
      .post(`/rounds/${followUpId}/follow-up-questionnaires`)
      .set('authorization', admin)
      .expect(200);
    // Items are numbered in questionnaire order (theme, then number): Argentina's legislation one comes first.
    expect(
      generated.body.generated.map((g: { stateCode: string; recommendationIds: string[] }) => [
        g.stateCode,
        g.recommendationIds,
      ]),
    ).toEqual([
      ['ARG', ['5-ARG-2', '5-ARG-1']],
      ['BRA', ['5-BRA-1']],
      ['HTI', ['5-HTI-1']],
    ]);
    expect(generated.body.notDistributed).toEqual([]);
    for (const g of generated.body.generated as Array<{
      stateCode: string;
      evaluationId: string;
      questionnaire: { id: string; key: string };
      recommendationIds: string[];
    }>) {
      followUp[g.stateCode] = g.evaluationId;
      const [version]: Array<{ source: string; state_code: string; frozen_at: Date | null }> = await ds.query(
        'SELECT source, state_code, frozen_at FROM questionnaire_version WHERE id = $1',
        [g.questionnaire.id],
      );
      expect(version).toMatchObject({ source: 'generated', state_code: g.stateCode });
      expect(version.frozen_at).not.toBeNull();
      const [evaluation]: Array<{ questionnaire_version_id: string; response_deadline_id: string | null }> =
        await ds.query('SELECT questionnaire_version_id, response_deadline_id FROM state_evaluation WHERE id = $1', [
          g.evaluationId,
        ]);
      expect(evaluation.questionnaire_version_id).toBe(g.questionnaire.id);
      expect(evaluation.response_deadline_id).not.toBeNull();
      // The response deadline plans its reminder ladder, as for any round.
      expect(
        await count(`SELECT 1 FROM reminder WHERE deadline_id = $1 AND status = 'planned'`, [
          evaluation.response_deadline_id,
        ]),
      ).toBeGreaterThan(0);
      const items: Array<{ item_id: string; recommendation_id: string }> = await ds.query(
        'SELECT item_id, recommendation_id FROM follow_up_item WHERE evaluation_id = $1 ORDER BY item_id',
        [g.evaluationId],
      );
      expect(items.map((i) => i.recommendation_id)).toEqual(g.recommendationIds);
      expect([...g.recommendationIds].sort()).toEqual(
        RECOMMENDATIONS[g.stateCode].map((_, n) => `${ROUND}-${g.stateCode}-${n + 1}`),
      );
      expect(
        await count(
          `SELECT 1 FROM outbox_message WHERE template = 'questionnaire_distributed' AND related_entity_id = $1`,
          [g.evaluationId],
        ),
      ).toBe(1);
    }
    // The state reads its questionnaire: one item per open recommendation, labelled in its working language (English beside it).
    const arg = await http()
      .get(`/evaluations/${followUp.ARG}/questionnaire`)
      .set('authorization', focal.ARG)
      .expect(200);
    expect(arg.body.items.map((i: { id: string }) => i.id)).toEqual(['REC-01', 'REC-02']);
    expect(arg.body.texts.items['REC-02']).toEqual({
      label: 'Recomendación 5-ARG-1',
      help: RECOMMENDATIONS.ARG[0].text,
    });
    expect(arg.body.texts.items['REC-01'].label).toBe('Recomendación 5-ARG-2');
    const english = await http()
      .get(`/evaluations/${followUp.ARG}/questionnaire`)
      .set('authorization', admin)
      .expect(200);
    expect(english.body.texts.items['REC-02']).toEqual({
      label: 'Recommendation 5-ARG-1',
      help: 'Allocate a budget line to the national plan.',
    });
    expect(arg.body.schema.properties['REC-01'].properties.selfAssessment.enum).toEqual([
      'complied',
      'partially_complied',
      'not_complied',
      'no_information',
    ]);
    const hti = await http()
      .get(`/evaluations/${followUp.HTI}/questionnaire`)
      .set('authorization', focal.HTI)
      .expect(200);
    expect(hti.body.texts.items['REC-01'].label).toBe('Recommandation 5-HTI-1');

    // Twice: 409, nothing new.
    const again = await http()
      .post(`/rounds/${followUpId}/follow-up-questionnaires`)
      .set('authorization', admin)
      .expect(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body.rule).toBe('follow_up_already_generated');
    expect(await count('SELECT 1 FROM state_evaluation WHERE round_id = $1', [followUpId])).toBe(3);
    expect(await count('SELECT 1 FROM questionnaire_version')).toBe(versionsBefore + 3);
    // Generated versions never change: the round takes no other questionnaire, and the database refuses an edit.
    const edit = await http()
      .patch(`/rounds/${followUpId}`)
      .set('authorization', admin)
      .send({ questionnaireVersionId: generated.body.generated[0].questionnaire.id })
      .expect(409);
    expect(edit.body.rule).toBe('follow_up_generated');
    await expect(
      ds.query(`UPDATE questionnaire_version SET i18n = '{}'::jsonb WHERE id = $1`, [
        generated.body.generated[0].questionnaire.id,
      ]),
    ).rejects.toThrow(/immutable|frozen/);
  });

  it('drafts, validates strictly and submits with the existing machinery; extensions work as for any round', async () => {
    const wrong = await http()
      .put(`/evaluations/${followUp.BRA}/draft`)
      .set('authorization', focal.BRA)
      .set('if-match', '"0"')
      .send({ 'REC-01': { measures: 'x', selfAssessment: 'done' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].pointer).toBe('/REC-01/selfAssessment');
    // A partial draft is kept; submitting it fails strict validation.
    await http()
      .put(`/evaluations/${followUp.ARG}/draft`)
      .set('authorization', focal.ARG)
      .set('if-match', '"0"')
      .send({ 'REC-01': { measures: 'Budget law 2027.' } })
      .expect(200);
    const incomplete = await http().post(`/evaluations/${followUp.ARG}/submissions`).set('authorization', focal.ARG);
    expect(incomplete.status).toBe(422);
    await http()
      .post(`/evaluations/${followUp.HTI}/extension-requests`)
      .set('authorization', focal.HTI)
      .send({ requestedDate: '2099-04-30', justification: 'Les chiffres de 2026 sont publiés en avril.' })
      .expect(201);
    for (const state of STATES) {
      const [attachment] = await uploadEvidence(api, focal[state], followUp[state], 1);
      const [{ version }]: Array<{ version: number }> = await ds.query(
        'SELECT version FROM answer_draft WHERE evaluation_id = $1',
        [followUp[state]],
      );
      await http()
        .put(`/evaluations/${followUp[state]}/draft`)
        .set('authorization', focal[state])
        .set('if-match', `"${version}"`)
        .send(answerFor(RECOMMENDATIONS[state].length, attachment))
        .expect(200);
      await http().post(`/evaluations/${followUp[state]}/submissions`).set('authorization', focal[state]).expect(201);
    }
    expect(
      await count(`SELECT 1 FROM state_evaluation WHERE round_id = $1 AND status = 'submitted'`, [followUpId]),
    ).toBe(3);
  });

  it('refuses bad ratings with problem+json and changes nothing', async () => {
    // Rapporteurs under the same conflict rules: the round's auto-assign proposal never offers
    // Argentina's own expert for Argentina, and assigning them by hand is refused.
    const proposal = await http()
      .post(`/rounds/${followUpId}/rapporteur-proposal`)
      .set('authorization', admin)
      .send({ seed: 'follow-up', size: 2 })
      .expect(200);
    const proposed = proposal.body.assignments as Array<{ stateCode: string; expertUserIds: string[] }>;
    expect(proposed.map((a) => a.stateCode)).toEqual(['ARG', 'BRA', 'HTI']);
    expect([...(proposed.find((a) => a.stateCode === 'ARG')?.expertUserIds ?? [])].sort()).toEqual(
      [rapporteur.id, chlExpert.id].sort(),
    );
    const conflicted = await http()
      .post(`/evaluations/${followUp.ARG}/rapporteurs`)
      .set('authorization', admin)
      .send({ expertUserIds: [argExpert.id] })
      .expect(409);
    expect(conflicted.body.rule).toBe('rapporteur_excluded_state');
    for (const state of STATES)
      await http()
        .post(`/evaluations/${followUp[state]}/rapporteurs`)
        .set('authorization', admin)
        .send({ expertUserIds: [rapporteur.id] })
        .expect(200);

    const otherState = await rate('rating-proposals', rapporteur.bearer, 'ARG', '5-BRA-1', 'complied').expect(422);
    expect(otherState.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(otherState.body.errors[0]).toMatchObject({
      pointer: '/recommendationId',
      keyword: 'follow_up_recommendation',
    });
    const offScale = await rate('rating-proposals', rapporteur.bearer, 'ARG', '5-ARG-1', 'mostly_done').expect(422);
    expect(offScale.body.errors[0]).toMatchObject({ pointer: '/value', keyword: 'rating_scale' });
    expect((await rate('ratings', admin, 'ARG', '5-ARG-1', 'mostly_done').expect(422)).body.errors[0].pointer).toBe(
      '/value',
    );
    expect((await rate('ratings', admin, 'ARG', '5-ARG-1', 'complied').expect(409)).body.rule).toBe(
      'rating_needs_proposal',
    );
    // Not their evaluation: an unassigned expert does not see it; the secretariat does not propose.
    expect((await rate('rating-proposals', chlExpert.bearer, 'ARG', '5-ARG-1', 'complied')).status).toBe(404);
    expect((await rate('rating-proposals', admin, 'ARG', '5-ARG-1', 'complied')).status).toBe(403);
    // An evaluation of the evaluation round is not rated.
    const [evaluationRoundArg]: Array<{ id: string }> = await ds.query(
      `SELECT id FROM state_evaluation WHERE round_id = $1 AND state_code = 'ARG'`,
      [evaluationRoundId],
    );
    const wrongRound = await http()
      .post(`/evaluations/${evaluationRoundArg.id}/ratings`)
      .set('authorization', admin)
      .send({ recommendationId: '5-ARG-1', value: 'complied', justification: 'x' })
      .expect(409);
    expect(wrongRound.body.rule).toBe('not_follow_up_evaluation');
    expect(await count('SELECT 1 FROM recommendation_rating')).toBe(0);
    expect(await count(`SELECT 1 FROM recommendation WHERE compliance_status IS NOT NULL OR closed`)).toBe(0);
  });

  it('takes proposals, records the committee’s ratings, and the register follows (JSON, CSV, XLSX, history)', async () => {
    const ratings: Array<[string, string, string]> = [
      ['ARG', '5-ARG-1', 'complied'],
      ['BRA', '5-BRA-1', 'not_complied'],
      ['HTI', '5-HTI-1', 'complied'],
    ];
    for (const [state, id, value] of [...ratings, ['ARG', '5-ARG-2', 'partially_complied'] as [string, string, string]])
      await rate('rating-proposals', rapporteur.bearer, state, id, value).expect(200);
    for (const [state, id, value] of ratings) {
      const recorded = await rate('ratings', admin, state, id, value, `The committee finds it ${value}.`).expect(200);
      expect(
        recorded.body.items.find((i: { itemId: string; recommendation: { id: string } }) => i.recommendation.id === id)
          .rating,
      ).toMatchObject({ value, closes: value === 'complied' });
    }
    expect(await count(`SELECT 1 FROM audit_event WHERE action = 'recommendation.rated'`)).toBe(3);
    expect(await count(`SELECT 1 FROM audit_event WHERE action = 'recommendation.rating_proposed'`)).toBe(4);

    const all = await http().get(`/recommendations?round=${ROUND}`).set('authorization', admin).expect(200);
    expect(
      all.body.map((r: { id: string; complianceStatus: string | null; closed: boolean }) => [
        r.id,
        r.complianceStatus,
        r.closed,
      ]),
    ).toEqual([
      ['5-ARG-1', 'complied', true],
      ['5-ARG-2', null, false],
      ['5-BRA-1', 'not_complied', false],
      ['5-HTI-1', 'complied', true],
    ]);
    const ids = async (query: string): Promise<string[]> =>
      (
        (await http().get(`/recommendations?${query}`).set('authorization', admin).expect(200)).body as Array<{
          id: string;
        }>
      ).map((r) => r.id);
    expect(await ids('closed=false')).toEqual(['5-ARG-2', '5-BRA-1']);
    expect(await ids('compliance=complied')).toEqual(['5-ARG-1', '5-HTI-1']);
    expect(await ids('compliance=unrated')).toEqual(['5-ARG-2']);
    expect(await ids('state=arg&theme=legislation')).toEqual(['5-ARG-2']);
    expect(await ids('article=7.f&status=adopted')).toEqual(['5-BRA-1']);

    const csv = await http().get(`/recommendations.csv?round=${ROUND}`).set('authorization', admin).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe(
      'id,state_code,round,number,theme,articles,status,compliance_status,closed,report_symbol,text,text_en,text_es,text_fr,text_pt',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 9).join(','))).toEqual([
      '5-ARG-1,ARG,5,1,budget,8.a,adopted,complied,true',
      '5-ARG-2,ARG,5,2,legislation,7.c 7.e,adopted,,false',
      '5-BRA-1,BRA,5,1,access_to_justice,7.f,adopted,not_complied,false',
      '5-HTI-1,HTI,5,1,information_and_statistics,8.h,adopted,complied,true',
    ]);
    const xlsx = await http()
      .get(`/recommendations.xlsx?closed=false`)
      .set('authorization', admin)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as never); // exceljs types predate Buffer<ArrayBufferLike>
    const sheet = book.getWorksheet('Recommendations');
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 10)));
    expect(rows).toEqual([
      ['id', 'state_code', 'round', 'number', 'theme', 'articles', 'status', 'compliance_status', 'closed'],
      ['5-ARG-2', 'ARG', 5, 2, 'legislation', '7.c 7.e', 'adopted', undefined, false],
      ['5-BRA-1', 'BRA', 5, 1, 'access_to_justice', '7.f', 'adopted', 'not_complied', false],
    ]);
    // The state's CSV has its own rows only.
    expect(
      (await http().get('/recommendations.csv').set('authorization', focal.BRA).expect(200)).text
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(',')[0]),
    ).toEqual(['5-BRA-1']);

    const entry = await http().get('/recommendations/5-ARG-1').set('authorization', admin).expect(200);
    expect(entry.body.history.ratings).toEqual([
      expect.objectContaining({
        followUpRound: expect.objectContaining({ id: followUpId, number: 1 }),
        itemId: 'REC-02',
        proposal: expect.objectContaining({ value: 'complied' }),
        rating: expect.objectContaining({
          value: 'complied',
          closes: true,
          justification: 'The committee finds it complied.',
        }),
      }),
    ]);
    // In logical order, even though the adoption date (2027-11-20) lies ahead of the test clock.
    expect(entry.body.history.lifecycle.map((e: { event: string }) => e.event)).toEqual([
      'drafted',
      'adopted',
      'published',
      'asked_in_follow_up',
      'rated',
    ]);
    const stateView = await http().get('/recommendations/5-ARG-1').set('authorization', focal.ARG).expect(200);
    expect(stateView.body.history.ratings[0].proposal).toBeNull();
    expect(stateView.body.history.ratings[0].rating.value).toBe('complied');
  });

  it('produces Argentina’s national follow-up report like a country report: every rating in it, adopted, published', async () => {
    const [{ report_id: previous }]: Array<{ report_id: string }> = await ds.query(
      `SELECT r.id AS report_id FROM country_report r JOIN state_evaluation e ON e.id = r.evaluation_id WHERE e.round_id = $1 AND r.state_code = 'ARG'`,
      [evaluationRoundId],
    );
    await http()
      .post(`/evaluations/${followUp.ARG}/review/completion`)
      .set('authorization', rapporteur.bearer)
      .expect(200);
    const created = await http()
      .post(`/evaluations/${followUp.ARG}/report`)
      .set('authorization', rapporteur.bearer)
      .expect(201);
    const id = created.body.id as string;
    expect(
      created.body.followUp.map((l: { recommendationId: string; rating: { value: string } | null }) => [
        l.recommendationId,
        l.rating?.value ?? null,
      ]),
    ).toEqual([
      ['5-ARG-2', null],
      ['5-ARG-1', 'complied'],
    ]);
    const fresh = await http()
      .put(`/reports/${id}`)
      .set('authorization', rapporteur.bearer)
      .set('if-match', created.headers.etag)
      .send({ sections: {}, recommendations: [{ theme: 'budget', articles: ['8.a'], text: 'New.' }] })
      .expect(422);
    expect(fresh.body.errors[0]).toMatchObject({
      pointer: '/recommendations',
      keyword: 'follow_up_no_new_recommendations',
    });
    const saved = await http()
      .put(`/reports/${id}`)
      .set('authorization', rapporteur.bearer)
      .set('if-match', created.headers.etag)
      .send({ sections: { budget: 'The budget law now funds the plan.' }, recommendations: [] })
      .expect(200);
    const early = await http()
      .post(`/reports/${id}/preliminary`)
      .set('authorization', admin)
      .set('if-match', saved.headers.etag)
      .expect(409);
    expect(early.body).toMatchObject({ rule: 'report_incomplete', unrated: ['5-ARG-2'] });
    await rate('ratings', admin, 'ARG', '5-ARG-2', 'partially_complied', 'A bill is before Congress.').expect(200);
    await http()
      .post(`/reports/${id}/preliminary`)
      .set('authorization', admin)
      .set('if-match', saved.headers.etag)
      .expect(200);
    const observed = await http()
      .post(`/reports/${id}/observations`)
      .set('authorization', focal.ARG)
      .send({ perRecommendation: [{ recommendationId: '5-ARG-2', text: 'The bill passed the Senate.' }] })
      .expect(200);
    const adopted = await http()
      .post(`/reports/${id}/adoption`)
      .set('authorization', admin)
      .set('if-match', observed.headers.etag)
      .send({ method: 'consensus', meeting: 'CEVI 24', adoptedOn: '2028-11-20' })
      .expect(200);
    expect(adopted.body.symbol).toBe('MESECVI/CEVI/doc.1/28');
    expect((await rate('ratings', admin, 'ARG', '5-ARG-2', 'complied').expect(409)).body.rule).toBe('rating_not_open');
    await http().post(`/reports/${id}/publication`).set('authorization', admin).expect(200);
    const md = await http().get(`/public/reports/${id}?format=md`).expect(200);
    expect(md.text).toContain('## Follow-up of the recommendations');
    expect(md.text).toContain('**5-ARG-1**');
    expect(md.text).toContain('Rating: Complied (closed) — The committee finds it complied.');
    expect(md.text).toContain('Rating: Partially complied — A bill is before Congress.');
    expect(md.text).toContain('On 5-ARG-2: The bill passed the Senate.');
    // The register links each recommendation to its country report, not to the follow-up report.
    expect((await http().get('/recommendations/5-ARG-2').set('authorization', admin).expect(200)).body).toMatchObject({
      complianceStatus: 'partially_complied',
      closed: false,
      report: { id: previous },
    });
  });

  it('opens a second follow-up round with only what is still open; Haiti has nothing open and gets nothing', async () => {
    const second = await openFollowUp(2);
    const generated = await http()
      .post(`/rounds/${second}/follow-up-questionnaires`)
      .set('authorization', admin)
      .expect(200);
    expect(
      generated.body.generated.map((g: { stateCode: string; recommendationIds: string[] }) => [
        g.stateCode,
        g.recommendationIds,
      ]),
    ).toEqual([
      ['ARG', ['5-ARG-2']],
      ['BRA', ['5-BRA-1']],
    ]);
    expect(generated.body.notDistributed).toEqual(['HTI']);
    const evaluations = await http().get(`/rounds/${second}/evaluations`).set('authorization', admin).expect(200);
    expect(evaluations.body.map((e: { stateCode: string }) => e.stateCode).sort()).toEqual(['ARG', 'BRA']);
    expect(
      (await http().get(`/rounds/${second}/evaluations`).set('authorization', focal.HTI).expect(200)).body,
    ).toEqual([]);
    const secondArg = (generated.body.generated as Array<{ stateCode: string; evaluationId: string }>).find(
      (g) => g.stateCode === 'ARG',
    )?.evaluationId as string;
    // A closed recommendation of an earlier round is not part of this evaluation: 422, nothing stored.
    const closed = await http()
      .post(`/evaluations/${secondArg}/ratings`)
      .set('authorization', admin)
      .send({ recommendationId: '5-ARG-1', value: 'not_complied', justification: 'x' })
      .expect(422);
    expect(closed.body.errors[0].pointer).toBe('/recommendationId');
    expect(await count('SELECT 1 FROM recommendation_rating WHERE follow_up_evaluation_id = $1', [secondArg])).toBe(0);
    const arg = await http().get(`/evaluations/${secondArg}/questionnaire`).set('authorization', focal.ARG).expect(200);
    expect(arg.body.texts.items['REC-01'].label).toBe('Recomendación 5-ARG-2');
    // The hemispheric figures of the second round, nothing rated in it yet: each recommendation under
    // its latest rating so far (5-ARG-1 and 5-HTI-1 stay complied and closed, though not asked again).
    const figures = async (roundId: string) =>
      (await http().get(`/rounds/${roundId}/hemispheric-report`).set('authorization', admin).expect(200)).body.figures;
    const expected = {
      issued: 4,
      closed: 2,
      statuses: { complied: 2, partially_complied: 1, not_complied: 1, no_information: 0, not_yet_rated: 0 },
      before: { complied: 0, partially_complied: 0, not_complied: 0, no_information: 0, not_yet_rated: 4 },
    };
    expect((await figures(second)).total).toMatchObject(expected);
    expect((await figures(followUpId)).total).toMatchObject(expected);
  });
});
