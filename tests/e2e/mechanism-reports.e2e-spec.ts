import { DataSource } from 'typeorm';
import { ClockService } from '@mesecvi/clock';
import { localDate } from '@mesecvi/deadlines';
import type {
  AnnualReport,
  HemisphericFigures,
  HemisphericLine,
  HemisphericReportView,
} from '@mesecvi/mechanism-reports';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
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
import {
  appointedExpert,
  openFollowUpRound,
  publishCountryReport,
  submitExampleAnswers,
  submitFollowUpAnswers,
} from '../harness/committee-fixtures';
import { openRoundFor } from '../harness/submission-fixtures';

const TZ = 'America/New_York';
const DAY = 86_400_000;
const ROUND = 7;
/** Invited to the evaluation round: ARG and CHL answer on time, BRA late, HTI and URY never. */
const INVITED = ['ARG', 'BRA', 'CHL', 'HTI', 'URY'];
/** The three published country reports and their recommendations (theme, articles). */
const RECOMMENDATIONS: Record<string, Array<{ theme: string; articles: string[]; text: string }>> = {
  ARG: [
    { theme: 'budget', articles: ['8.a'], text: 'Allocate a budget line to the national plan.' },
    { theme: 'legislation', articles: ['7.c', '7.e'], text: 'Typify femicide in the criminal code.' },
  ],
  BRA: [
    { theme: 'legislation', articles: ['7.c'], text: 'Repeal the mitigating “honour” defence.' },
    { theme: 'access_to_justice', articles: ['7.f'], text: 'Open specialised courts in every state.' },
    { theme: 'budget', articles: ['8.a', '8.c'], text: 'Report the execution of the budget by ministry.' },
  ],
  CHL: [{ theme: 'legislation', articles: ['7.e'], text: 'Adopt a comprehensive law on violence against women.' }],
};
const SCALE = ['complied', 'partially_complied', 'not_complied', 'no_information', 'not_yet_rated'];

/** A status distribution written as [complied, partially, not complied, no information, not yet rated]. */
const dist = (counts: number[]): Record<string, number> => Object.fromEntries(SCALE.map((s, i) => [s, counts[i]]));
const lineOf = (lines: HemisphericLine[], key: string): HemisphericLine =>
  lines.find((l) => l.key === key) as HemisphericLine;

/**
 * The hemispheric report of a round and the annual report of the mechanism, on real services, told
 * entirely through the API with a moving clock: the evaluation round (three submissions, two states
 * silent, three country reports adopted and published, its hemispheric report adopted and
 * published); then its follow-up round (questionnaires generated from the open recommendations,
 * Argentina answers on time, Brazil late, Chile never; the rapporteur proposes and the secretariat
 * records the committee's ratings; the register follows; Argentina's national follow-up report),
 * whose hemispheric report shows the change since the evaluation round; then the annual report.
 * Apart from the rapporteur's seat (recorded by the shared fixture, as the neighbouring suites do),
 * SQL only reads what the API wrote — and, once, checks what the database itself refuses.
 */
describe('mechanism reports: hemispheric and annual', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let clock: ClockService;
  let secretariat: TestAccount;
  let expert: TestAccount;
  let roundId: string;
  let followUpId: string;
  let evaluations: Record<string, string> = {};
  /** The follow-up round's evaluations, per state. */
  const followUp: Record<string, string> = {};
  let questionnaireId: string;
  let today: string;
  let year: number;
  /** The run began after 10 December and jumped to January: accounts made at setup date from the year before. */
  let startedLastYear = false;
  const focal = new Map<string, TestAccount>();
  const reports: Record<string, string> = {};

  const http = () => api.http();
  const bearer = async (account: TestAccount): Promise<string> =>
    (await login(api, account.email, account.password)).bearer;
  const admin = () => bearer(secretariat);
  const yy = () => String(year % 100).padStart(2, '0');
  const submit = async (state: string): Promise<void> =>
    submitExampleAnswers(api, ds, await bearer(focal.get(state) as TestAccount), evaluations[state]);
  const phase = async (id: string, to: string): Promise<void> => {
    await http()
      .post(`/rounds/${id}/phase`)
      .set('authorization', await admin())
      .send({ to })
      .expect(200);
  };
  /** Rapporteur, draft, review complete, preliminary, observations (on the state's behalf), adoption, publication. */
  const publish = async (state: string): Promise<void> => {
    const rapporteur = { id: expert.id, bearer: await bearer(expert) };
    const published = await publishCountryReport(api, {
      adminBearer: await admin(),
      rapporteur,
      evaluationId: evaluations[state],
      recommendations: RECOMMENDATIONS[state],
      adoptedOn: today,
      sections: { legislation: `Analysis of ${state}.` },
    });
    reports[state] = published.reportId;
  };
  const rate = async (
    kind: 'rating-proposals' | 'ratings',
    state: string,
    recommendationId: string,
    value: string,
  ): Promise<void> => {
    const who = kind === 'ratings' ? await admin() : await bearer(expert);
    await http()
      .post(`/evaluations/${followUp[state]}/${kind}`)
      .set('authorization', who)
      .send({ recommendationId, value, justification: `Committee: ${value}.` })
      .expect(200);
  };

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url, { LOGIN_MAX_ATTEMPTS: '1000' }));
    ds = api.app.get(DataSource);
    clock = api.app.get(ClockService);
    // The suite moves the clock about 9 days and checks "this year" figures: in a run after 10
    // December, start at noon New York time on 10 January instead, so the year never turns mid-suite.
    const started = await clock.now();
    startedLastYear = started.getUTCMonth() === 11 && started.getUTCDate() > 10;
    if (startedLastYear) await clock.advance(Date.UTC(started.getUTCFullYear() + 1, 0, 10, 17) - started.getTime());
    secretariat = await createAccount(ds, { role: 'secretariat' });
    for (const state of INVITED)
      focal.set(state, await createAccount(ds, { role: 'state_focal_point', stateCode: state }));
    questionnaireId = (await api.app.get(QuestionnaireRegistry).current('evaluation-round')).id;
    today = localDate(await clock.now(), TZ);
    year = Number(today.slice(0, 4));
    // Mexico's expert is the rapporteur of all three (never their own state); their seat is recorded like the neighbouring suites do.
    expert = await appointedExpert(api, ds, secretariat.id, 'MEX', {
      name: 'Experta de México',
      since: `${year}-01-01`,
    });
    const due = localDate(new Date((await clock.now()).getTime() + 2 * DAY), TZ);
    ({ roundId, evaluations } = await openRoundFor(api, await admin(), {
      number: ROUND,
      questionnaireVersionId: questionnaireId,
      responseDueDate: due,
      stateCodes: INVITED,
    }));
    await submit('ARG');
    await submit('CHL');
    await clock.advance(5 * DAY);
    today = localDate(await clock.now(), TZ);
    year = Number(today.slice(0, 4));
    await submit('BRA');
    await phase(roundId, 'analysis'); // HTI and URY → no_response
    for (const state of ['ARG', 'BRA', 'CHL']) await publish(state);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('computes the evaluation round’s figures live: responses on time / late / never, recommendations per theme and article', async () => {
    const res = await http()
      .get(`/rounds/${roundId}/hemispheric-report`)
      .set('authorization', await bearer(expert))
      .expect(200);
    const view = res.body as HemisphericReportView;
    expect(view).toMatchObject({ id: null, status: 'draft', symbol: null, adoption: null });
    const f = view.figures;
    expect(f.round).toMatchObject({ id: roundId, kind: 'evaluation', number: ROUND, phase: 'analysis' });
    expect(f.evaluationRound).toBeNull();
    expect(f.statusValues).toEqual(SCALE);
    expect(f.responses).toEqual({
      invited: 5,
      responded: 3,
      onTime: 2,
      late: 1,
      never: 2,
      states: { onTime: ['ARG', 'CHL'], late: ['BRA'], never: ['HTI', 'URY'] },
    });
    // Six adopted recommendations, none rated yet.
    expect(f.total).toEqual({
      key: '',
      issued: 6,
      closed: 0,
      statuses: dist([0, 0, 0, 0, 6]),
      before: null,
      change: null,
    });
    expect(f.byTheme.map((l) => [l.key, l.issued])).toEqual([
      ['legislation', 3],
      ['national_plans', 0],
      ['access_to_justice', 1],
      ['specialised_services', 0],
      ['budget', 2],
      ['information_and_statistics', 0],
      ['diversity', 0],
    ]);
    expect(f.byArticle.filter((l) => l.issued > 0).map((l) => [l.key, l.issued])).toEqual([
      ['7.c', 2],
      ['7.e', 2],
      ['7.f', 1],
      ['8.a', 2],
      ['8.c', 1],
    ]);
    expect(f.byArticle).toHaveLength(20);
    // The same timeliness as the compliance view of the round.
    const compliance = await http()
      .get(`/rounds/${roundId}/compliance`)
      .set('authorization', await admin())
      .expect(200);
    expect({
      onTime: compliance.body.totals.onTime,
      late: compliance.body.totals.late,
      responded: compliance.body.totals.responded,
    }).toEqual({ onTime: 2, late: 1, responded: 3 });

    const md = await http()
      .get(`/rounds/${roundId}/hemispheric-report?format=md`)
      .set('authorization', await admin())
      .expect(200);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.text).toContain('| 5 | 3 | 2 | 1 | 2 |');
    expect(md.text).toContain('| Legislation | 3 | 0 | 0 | 0 | 0 | 3 | 0 |');
    expect(md.text).toContain('| 8.a | 2 | 0 | 0 | 0 | 0 | 2 | 0 |');
    expect(md.text).toContain('Never: Haiti (HTI), Uruguay (URY).');
    const html = await http()
      .get(`/rounds/${roundId}/hemispheric-report?format=html&lang=es`)
      .set('authorization', await admin())
      .expect(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.text).toContain('<td>Access to justice</td><td>1</td>');
    expect(html.text).toContain('Haití (HTI)');
    expect(html.text).not.toContain('<script');
  });

  it('refuses what it must with problem+json and changes nothing: states, unknown rounds, early adoption, bad bodies, publication before adoption', async () => {
    const a = await admin();
    const fp = await bearer(focal.get('ARG') as TestAccount);
    const forbidden = await http().get(`/rounds/${roundId}/hemispheric-report`).set('authorization', fp);
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers['content-type']).toMatch(/^application\/problem\+json/);
    for (const path of [
      '/rounds/00000000-0000-4000-8000-000000000000/hemispheric-report',
      '/rounds/not-a-round/hemispheric-report',
    ]) {
      const unknown = await http().get(path).set('authorization', a);
      expect(unknown.status).toBe(404);
      expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const adoption = { method: 'consensus', meeting: 'CEVI 23', adoptedOn: today };
    expect(
      (
        await http()
          .post('/rounds/00000000-0000-4000-8000-000000000000/hemispheric-report/adoption')
          .set('authorization', a)
          .send(adoption)
      ).status,
    ).toBe(404);
    const early = await http()
      .post(`/rounds/${roundId}/hemispheric-report/adoption`)
      .set('authorization', a)
      .send(adoption);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ rule: 'round_not_at_hemispheric_report', roundPhase: 'analysis' });
    await phase(roundId, 'reports');
    await phase(roundId, 'hemispheric_report');
    const votesMissing = await http()
      .post(`/rounds/${roundId}/hemispheric-report/adoption`)
      .set('authorization', a)
      .send({ ...adoption, method: 'vote' });
    expect(votesMissing.status).toBe(422);
    expect(votesMissing.body.errors[0]).toMatchObject({ pointer: '/method', keyword: 'decision_counts' });
    const badDate = await http()
      .post(`/rounds/${roundId}/hemispheric-report/adoption`)
      .set('authorization', a)
      .send({ ...adoption, adoptedOn: '2027-02-30' });
    expect(badDate.status).toBe(422);
    const unknownField = await http()
      .post(`/rounds/${roundId}/hemispheric-report/adoption`)
      .set('authorization', a)
      .send({ ...adoption, figures: {} });
    expect(unknownField.status).toBe(422);
    const taken = await http()
      .post(`/rounds/${roundId}/hemispheric-report/adoption`)
      .set('authorization', a)
      .send({ ...adoption, symbol: `MESECVI/CEVI/doc.1/${yy()}` });
    expect(taken.status).toBe(409);
    expect(taken.body.rule).toBe('symbol_taken');
    const notAdopted = await http().post(`/rounds/${roundId}/hemispheric-report/publication`).set('authorization', a);
    expect(notAdopted.status).toBe(409);
    expect(notAdopted.body.rule).toBe('hemispheric_report_not_adopted');
    expect(((await ds.query('SELECT count(*)::int AS n FROM hemispheric_report')) as Array<{ n: number }>)[0].n).toBe(
      0,
    );
    expect(
      (
        (await ds.query(
          `SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'hemispheric_report'`,
        )) as Array<{ n: number }>
      )[0].n,
    ).toBe(0);
  });

  it('adopts once (next symbol of the year, figures frozen), publishes once, and anyone reads the published report', async () => {
    const a = await admin();
    const adopted = await http()
      .post(`/rounds/${roundId}/hemispheric-report/adoption`)
      .set('authorization', a)
      .send({
        method: 'vote',
        votesFor: 18,
        votesAgainst: 1,
        abstentions: 2,
        meeting: 'Twenty-third Meeting of the CEVI',
        adoptedOn: today,
      })
      .expect(200);
    expect(adopted.body).toMatchObject({
      roundId,
      status: 'adopted',
      symbol: `MESECVI/CEVI/doc.4/${yy()}`,
      adoption: {
        method: 'vote',
        votes: { for: 18, against: 1, abstentions: 2 },
        meeting: 'Twenty-third Meeting of the CEVI',
        adoptedOn: today,
      },
      publishedAt: null,
    });
    expect(adopted.body.figures.total.issued).toBe(6);
    const twice = await http()
      .post(`/rounds/${roundId}/hemispheric-report/adoption`)
      .set('authorization', a)
      .send({ method: 'consensus', meeting: 'x', adoptedOn: today });
    expect(twice.status).toBe(409);
    expect(twice.body.rule).toBe('hemispheric_report_adopted');
    expect((await http().get(`/public/hemispheric-reports/${adopted.body.id}`)).status).toBe(404);

    const published = await http()
      .post(`/rounds/${roundId}/hemispheric-report/publication`)
      .set('authorization', a)
      .expect(200);
    expect(published.body.status).toBe('published');
    const again = await http().post(`/rounds/${roundId}/hemispheric-report/publication`).set('authorization', a);
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(again.body.rule).toBe('hemispheric_report_published');

    const list = await http().get('/public/hemispheric-reports').expect(200);
    expect(list.body).toEqual([
      {
        id: adopted.body.id,
        roundId,
        roundName: `Evaluation round ${ROUND}`,
        symbol: `MESECVI/CEVI/doc.4/${yy()}`,
        adoptedOn: today,
        publishedAt: published.body.publishedAt,
      },
    ]);
    const json = await http().get(`/public/hemispheric-reports/${adopted.body.id}`).expect(200);
    expect(json.body.figures.responses).toMatchObject({ onTime: 2, late: 1, never: 2 });
    const md = await http().get(`/public/hemispheric-reports/${adopted.body.id}?format=md`).expect(200);
    expect(md.text).toContain(`MESECVI/CEVI/doc.4/${yy()}`);
    expect(md.text).toContain('| Legislation | 3 | 0 | 0 | 0 | 0 | 3 | 0 |');
    const html = await http().get(`/public/hemispheric-reports/${adopted.body.id}?format=html&lang=fr`).expect(200);
    expect(html.text).toContain('Haïti (HTI)');
    expect((await http().get('/public/hemispheric-reports/00000000-0000-4000-8000-000000000000')).status).toBe(404);

    const audit: Array<{ action: string; summary: Record<string, unknown> }> = await ds.query(
      `SELECT action, summary FROM audit_event WHERE entity_type = 'hemispheric_report' ORDER BY id`,
    );
    expect(audit.map((e) => e.action)).toEqual(['hemispheric_report.adopted', 'hemispheric_report.published']);
    expect(audit[0].summary).toMatchObject({ roundId, symbol: `MESECVI/CEVI/doc.4/${yy()}`, recommendations: 6 });
  });

  it('opens the follow-up round through the API: each state with open recommendations gets a generated questionnaire of exactly those; Haiti and Uruguay get none', async () => {
    const a = await admin();
    const due = localDate(new Date((await clock.now()).getTime() + 2 * DAY), TZ);
    followUpId = await openFollowUpRound(api, a, {
      evaluationRoundId: roundId,
      number: 1,
      name: `Follow-up of round ${ROUND}`,
      responseDueDate: due,
    });
    const generated = await http()
      .post(`/rounds/${followUpId}/follow-up-questionnaires`)
      .set('authorization', a)
      .expect(200);
    // Every adopted recommendation of the three reports is still open: each is asked once, of its own state.
    const open = (state: string): string[] => RECOMMENDATIONS[state].map((_, n) => `${ROUND}-${state}-${n + 1}`);
    const rows = generated.body.generated as Array<{
      stateCode: string;
      evaluationId: string;
      recommendationIds: string[];
    }>;
    expect(rows.map((g) => [g.stateCode, [...g.recommendationIds].sort()])).toEqual([
      ['ARG', open('ARG')],
      ['BRA', open('BRA')],
      ['CHL', open('CHL')],
    ]);
    expect(generated.body.notDistributed).toEqual(['HTI', 'URY']);
    for (const g of rows) followUp[g.stateCode] = g.evaluationId;
    for (const state of ['ARG', 'BRA', 'CHL']) {
      // The state reads one item per open recommendation; the English labels name them.
      const own = await http()
        .get(`/evaluations/${followUp[state]}/questionnaire`)
        .set('authorization', await bearer(focal.get(state) as TestAccount))
        .expect(200);
      expect(own.body.items).toHaveLength(RECOMMENDATIONS[state].length);
      const english = await http()
        .get(`/evaluations/${followUp[state]}/questionnaire`)
        .set('authorization', a)
        .expect(200);
      const labels = Object.values(english.body.texts.items as Record<string, { label: string }>).map((t) => t.label);
      expect(labels.sort()).toEqual(open(state).map((id) => `Recommendation ${id}`));
    }
    // Applying twice is refused and changes nothing.
    expect(
      (await http().post(`/rounds/${followUpId}/follow-up-questionnaires`).set('authorization', a).expect(409)).body
        .rule,
    ).toBe('follow_up_already_generated');
    const evaluationsOfRound = await http()
      .get(`/rounds/${followUpId}/evaluations`)
      .set('authorization', a)
      .expect(200);
    expect(evaluationsOfRound.body.map((e: { stateCode: string }) => e.stateCode).sort()).toEqual([
      'ARG',
      'BRA',
      'CHL',
    ]);
  });

  it('takes Argentina’s answers on time and Brazil’s late (Chile never answers); the rapporteur proposes, the secretariat rates, the register follows', async () => {
    await submitFollowUpAnswers(api, ds, await bearer(focal.get('ARG') as TestAccount), followUp.ARG);
    await clock.advance(4 * DAY);
    today = localDate(await clock.now(), TZ);
    year = Number(today.slice(0, 4));
    await submitFollowUpAnswers(api, ds, await bearer(focal.get('BRA') as TestAccount), followUp.BRA);
    const submitted: Array<{ state_code: string; on_time: boolean; days_late: number }> = await ds.query(
      'SELECT e.state_code, s.on_time, s.days_late FROM submission s JOIN state_evaluation e ON e.id = s.evaluation_id WHERE e.round_id = $1 ORDER BY e.state_code',
      [followUpId],
    );
    expect(submitted).toEqual([
      { state_code: 'ARG', on_time: true, days_late: 0 },
      { state_code: 'BRA', on_time: false, days_late: 2 },
    ]);

    const a = await admin();
    for (const state of ['ARG', 'BRA'])
      await http()
        .post(`/evaluations/${followUp[state]}/rapporteurs`)
        .set('authorization', a)
        .send({ expertUserIds: [expert.id] })
        .expect(200);
    // Chile has nothing to review.
    expect(
      (
        await http()
          .post(`/evaluations/${followUp.CHL}/rapporteurs`)
          .set('authorization', a)
          .send({ expertUserIds: [expert.id] })
          .expect(409)
      ).body.rule,
    ).toBe('evaluation_not_reviewable');
    const ratings: Array<[string, string, string, boolean]> = [
      ['ARG', `${ROUND}-ARG-1`, 'complied', true],
      ['ARG', `${ROUND}-ARG-2`, 'partially_complied', true],
      ['BRA', `${ROUND}-BRA-1`, 'not_complied', true],
      ['BRA', `${ROUND}-BRA-2`, 'complied', false], // proposed by the rapporteur only: not a rating yet
      ['BRA', `${ROUND}-BRA-3`, 'no_information', true],
    ];
    for (const [state, id, value] of ratings) await rate('rating-proposals', state, id, value);
    for (const [state, id, value, recorded] of ratings) if (recorded) await rate('ratings', state, id, value);

    const register = await http().get(`/recommendations?round=${ROUND}`).set('authorization', a).expect(200);
    expect(
      register.body.map((r: { id: string; complianceStatus: string | null; closed: boolean }) => [
        r.id,
        r.complianceStatus,
        r.closed,
      ]),
    ).toEqual([
      [`${ROUND}-ARG-1`, 'complied', true],
      [`${ROUND}-ARG-2`, 'partially_complied', false],
      [`${ROUND}-BRA-1`, 'not_complied', false],
      [`${ROUND}-BRA-2`, null, false],
      [`${ROUND}-BRA-3`, 'no_information', false],
      [`${ROUND}-CHL-1`, null, false],
    ]);

    // The response period closes: Chile never answered.
    await phase(followUpId, 'analysis');
    const statuses = await http().get(`/rounds/${followUpId}/evaluations`).set('authorization', a).expect(200);
    expect(
      Object.fromEntries(statuses.body.map((e: { stateCode: string; status: string }) => [e.stateCode, e.status])),
    ).toEqual({ ARG: 'under_review', BRA: 'under_review', CHL: 'no_response' });
  });

  it('produces Argentina’s national follow-up report; a hand-set symbol of a hemispheric report is refused for it, and the database refuses a shared symbol from either table', async () => {
    const a = await admin();
    const r = await bearer(expert);
    await http().post(`/evaluations/${followUp.ARG}/review/completion`).set('authorization', r).expect(200);
    const created = await http().post(`/evaluations/${followUp.ARG}/report`).set('authorization', r).expect(201);
    const id = created.body.id as string;
    const saved = await http()
      .put(`/reports/${id}`)
      .set('authorization', r)
      .set('if-match', created.headers.etag)
      .send({ sections: { budget: 'The budget law now funds the plan.' }, recommendations: [] })
      .expect(200);
    await http()
      .post(`/reports/${id}/preliminary`)
      .set('authorization', a)
      .set('if-match', saved.headers.etag)
      .expect(200);
    const observed = await http()
      .post(`/reports/${id}/observations`)
      .set('authorization', a)
      .send({ general: 'Received.', onBehalf: { channel: 'diplomatic_note', reference: 'Note ARG follow-up' } })
      .expect(200);
    const hemisphericSymbol = `MESECVI/CEVI/doc.4/${yy()}`;
    const adoption = { method: 'consensus', meeting: 'CEVI 24', adoptedOn: today };
    const clash = await http()
      .post(`/reports/${id}/adoption`)
      .set('authorization', a)
      .set('if-match', observed.headers.etag)
      .send({ ...adoption, symbol: hemisphericSymbol });
    expect(clash.status).toBe(409);
    expect(clash.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(clash.body.rule).toBe('symbol_taken');
    // Nothing changed: the report is still preliminary, the evaluation where it was, no adoption audited.
    expect(await ds.query('SELECT status, symbol FROM country_report WHERE id = $1', [id])).toEqual([
      { status: 'preliminary', symbol: null },
    ]);
    expect(await ds.query('SELECT status FROM state_evaluation WHERE id = $1', [followUp.ARG])).toEqual([
      { status: 'observations_received' },
    ]);
    expect(
      await ds.query(`SELECT 1 FROM audit_event WHERE action = 'country_report.adopted' AND entity_id = $1`, [id]),
    ).toEqual([]);
    const adopted = await http()
      .post(`/reports/${id}/adoption`)
      .set('authorization', a)
      .set('if-match', observed.headers.etag)
      .send(adoption)
      .expect(200);
    expect(adopted.body.symbol).toBe(`MESECVI/CEVI/doc.5/${yy()}`);
    await http().post(`/reports/${id}/publication`).set('authorization', a).expect(200);
    reports.ARG_FOLLOW_UP = id;

    // The database itself: neither table takes a symbol the other holds…
    const refused = { code: '23505', constraint: 'UQ_document_symbol' };
    await expect(
      ds.query('UPDATE country_report SET symbol = $2 WHERE id = $1', [reports.CHL, hemisphericSymbol]),
    ).rejects.toMatchObject(refused);
    await expect(
      ds.query('UPDATE hemispheric_report SET symbol = $2 WHERE round_id = $1', [
        roundId,
        `MESECVI/CEVI/doc.1/${yy()}`,
      ]),
    ).rejects.toMatchObject(refused);
    // …even when two transactions take the same new symbol at once: the second waits for the first, then is refused.
    const first = ds.createQueryRunner();
    const second = ds.createQueryRunner();
    const [{ symbol: chlSymbol }]: Array<{ symbol: string }> = await ds.query(
      'SELECT symbol FROM country_report WHERE id = $1',
      [reports.CHL],
    );
    try {
      await first.startTransaction();
      await second.startTransaction();
      await first.query('UPDATE country_report SET symbol = $2 WHERE id = $1', [reports.CHL, 'MESECVI/CEVI/race/1']);
      const late = second
        .query('UPDATE hemispheric_report SET symbol = $2 WHERE round_id = $1', [roundId, 'MESECVI/CEVI/race/1'])
        .then(
          () => 'taken',
          (e: { constraint?: string }) => e.constraint,
        );
      const waiting = await Promise.race([late, new Promise((resolve) => setTimeout(() => resolve('waiting'), 300))]);
      expect(waiting).toBe('waiting');
      await first.commitTransaction();
      expect(await late).toBe('UQ_document_symbol');
      await second.rollbackTransaction();
    } finally {
      await first.release();
      await second.release();
      // Give Chile's report its symbol back (the race above committed a test symbol).
      await ds.query('UPDATE country_report SET symbol = $2 WHERE id = $1', [reports.CHL, chlSymbol]);
    }
    expect(await ds.query('SELECT symbol FROM hemispheric_report WHERE round_id = $1', [roundId])).toEqual([
      { symbol: hemisphericSymbol },
    ]);
  });

  it('shows the follow-up round’s ratings and the change since the evaluation round; the published report keeps its adopted figures', async () => {
    const a = await admin();
    await phase(followUpId, 'reports');
    await phase(followUpId, 'hemispheric_report');

    const f = (
      await http()
        .get(`/rounds/${followUpId}/hemispheric-report`)
        .set('authorization', await bearer(expert))
        .expect(200)
    ).body.figures as HemisphericFigures;
    expect(f.round).toMatchObject({ kind: 'follow_up', phase: 'hemispheric_report' });
    expect(f.evaluationRound).toEqual({ id: roundId, name: `Evaluation round ${ROUND}`, number: ROUND });
    expect(f.responses).toEqual({
      invited: 3,
      responded: 2,
      onTime: 1,
      late: 1,
      never: 1,
      states: { onTime: ['ARG'], late: ['BRA'], never: ['CHL'] },
    });
    expect(f.total).toEqual({
      key: '',
      issued: 6,
      closed: 1,
      statuses: dist([1, 1, 1, 1, 2]),
      before: dist([0, 0, 0, 0, 6]),
      change: dist([1, 1, 1, 1, -4]),
    });
    expect(lineOf(f.byTheme, 'legislation')).toMatchObject({
      issued: 3,
      closed: 0,
      statuses: dist([0, 1, 1, 0, 1]),
      change: dist([0, 1, 1, 0, -2]),
    });
    expect(lineOf(f.byTheme, 'budget')).toMatchObject({
      issued: 2,
      closed: 1,
      statuses: dist([1, 0, 0, 1, 0]),
      before: dist([0, 0, 0, 0, 2]),
    });
    expect(lineOf(f.byTheme, 'access_to_justice')).toMatchObject({
      issued: 1,
      statuses: dist([0, 0, 0, 0, 1]),
      change: dist([0, 0, 0, 0, 0]),
    });
    expect(lineOf(f.byArticle, '8.a').statuses).toEqual(dist([1, 0, 0, 1, 0]));
    expect(lineOf(f.byArticle, '7.c').statuses).toEqual(dist([0, 1, 1, 0, 0]));
    expect(lineOf(f.byArticle, '7.e').statuses).toEqual(dist([0, 1, 0, 0, 1]));
    expect(lineOf(f.byArticle, '8.c').statuses).toEqual(dist([0, 0, 0, 1, 0]));
    expect(lineOf(f.byArticle, '9')).toMatchObject({ issued: 0, statuses: dist([0, 0, 0, 0, 0]) });

    const md = await http()
      .get(`/rounds/${followUpId}/hemispheric-report?format=md`)
      .set('authorization', a)
      .expect(200);
    expect(md.text).toContain('## Change since the evaluation round');
    expect(md.text).toContain('| All | 0 → 1 (+1) | 0 → 1 (+1) | 0 → 1 (+1) | 0 → 1 (+1) | 6 → 2 (-4) |');

    // The evaluation round's published report was frozen at adoption: the ratings do not reach it.
    const published = await http().get('/public/hemispheric-reports').expect(200);
    const frozen = (await http().get(`/public/hemispheric-reports/${published.body[0].id}`).expect(200))
      .body as HemisphericReportView;
    expect(frozen.figures.total.statuses).toEqual(dist([0, 0, 0, 0, 6]));

    // A hand-set symbol of a country report (here the national follow-up report's) is refused.
    const taken = await http()
      .post(`/rounds/${followUpId}/hemispheric-report/adoption`)
      .set('authorization', a)
      .send({ method: 'consensus', meeting: 'CEVI 24', adoptedOn: today, symbol: `MESECVI/CEVI/doc.5/${yy()}` });
    expect(taken.status).toBe(409);
    expect(taken.body.rule).toBe('symbol_taken');
    const adopted = await http()
      .post(`/rounds/${followUpId}/hemispheric-report/adoption`)
      .set('authorization', a)
      .send({ method: 'consensus', meeting: 'CEVI 24', adoptedOn: today, symbol: `MESECVI/CEVI/doc.40/${yy()}` })
      .expect(200);
    expect(adopted.body).toMatchObject({
      status: 'adopted',
      symbol: `MESECVI/CEVI/doc.40/${yy()}`,
      adoption: { method: 'consensus', votes: null },
    });
    expect(adopted.body.figures.total.change).toEqual(dist([1, 1, 1, 1, -4]));
  });

  it('produces the annual report: designations per state, rounds and their phase, responses and reports of the year', async () => {
    const a = await admin();
    // Seats recorded through the API: Uruguay's expert and alternate, Peru's focal point.
    const record = (stateCode: string, kind: string, name: string) =>
      http()
        .post('/appointments')
        .set('authorization', a)
        .send({
          stateCode,
          kind,
          person: { name, email: `${kind}.${stateCode.toLowerCase()}@example.test` },
          noteReference: `Note ${stateCode} ${kind}`,
          notifiedOn: `${year}-01-05`,
          termStart: `${year}-01-10`,
        })
        .expect(201);
    await record('URY', 'titular', 'Experta de Uruguay');
    await record('URY', 'alternate', 'Suplente de Uruguay');
    await record('PER', 'focal_point', 'Punto focal del Perú');

    const report = (
      await http()
        .get(`/annual-reports/${year}?lang=es`)
        .set('authorization', await bearer(expert))
        .expect(200)
    ).body as AnnualReport;
    expect(report).toMatchObject({ year, asOf: today });
    expect(report.designations).toHaveLength(32);
    expect(report.designationTotals).toEqual({ states: 32, titular: 2, alternate: 1, focalPoint: 6, complete: 1 });
    const seat = (code: string) => report.designations.find((d) => d.stateCode === code);
    expect(seat('URY')).toMatchObject({
      stateName: 'Uruguay',
      titular: { name: 'Experta de Uruguay', source: 'appointment', termStart: `${year}-01-10` },
      alternate: { name: 'Suplente de Uruguay' },
      focalPoint: { source: 'account', accountStatus: 'active' },
      missing: [],
    });
    expect(seat('PER')).toMatchObject({
      stateName: 'Perú',
      titular: null,
      focalPoint: { name: 'Punto focal del Perú', source: 'appointment' },
      missing: ['titular'],
    });
    expect(seat('MEX')).toMatchObject({
      titular: { name: 'Experta de México' },
      focalPoint: null,
      missing: ['focal_point'],
    });
    expect(seat('HTI')).toMatchObject({ stateName: 'Haití', titular: null, missing: ['titular'] });
    expect(seat('JAM')).toMatchObject({
      titular: null,
      alternate: null,
      focalPoint: null,
      missing: ['titular', 'focal_point'],
    });

    expect(
      report.rounds.map((r) => [r.name, r.kind, r.phase, r.closedInYear, r.invited, r.responded, r.onTime, r.late]),
    ).toEqual([
      [`Evaluation round ${ROUND}`, 'evaluation', 'hemispheric_report', false, 5, 3, 2, 1],
      [`Follow-up of round ${ROUND}`, 'follow_up', 'hemispheric_report', false, 3, 2, 1, 1],
    ]);
    expect(report.responses.map((r) => [r.roundName, r.received, r.onTime, r.late, r.laterVersions])).toEqual([
      [`Evaluation round ${ROUND}`, 3, 2, 1, 0],
      [`Follow-up of round ${ROUND}`, 2, 1, 1, 0],
    ]);
    expect(report.responseTotals).toEqual({ received: 5, onTime: 3, late: 2, laterVersions: 0 });
    expect(report.reportsAdopted.map((r) => [r.kind, r.symbol, r.stateCode, r.status])).toEqual([
      ['country', `MESECVI/CEVI/doc.1/${yy()}`, 'ARG', 'published'],
      ['country', `MESECVI/CEVI/doc.2/${yy()}`, 'BRA', 'published'],
      ['country', `MESECVI/CEVI/doc.3/${yy()}`, 'CHL', 'published'],
      ['hemispheric', `MESECVI/CEVI/doc.4/${yy()}`, null, 'published'],
      // Argentina's national follow-up report (a country report of the follow-up round), then the follow-up round's hemispheric report, the same day: by number.
      ['country', `MESECVI/CEVI/doc.5/${yy()}`, 'ARG', 'published'],
      ['hemispheric', `MESECVI/CEVI/doc.40/${yy()}`, null, 'adopted'],
    ]);

    const md = await http().get(`/annual-reports/${year}?format=md`).set('authorization', a).expect(200);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.text).toContain(
      '2 of 32 States have a titular expert, 1 an alternate, 6 a focal point; 1 have both their expert and their focal point.',
    );
    expect(md.text).toContain(`| Evaluation round ${ROUND} | evaluation | hemispheric_report | 5 | 3 | 2 | 1 |`);
    expect(md.text).toContain(`5 responses received in ${year} (3 on time, 2 late); 0 later versions.`);
    expect(md.text).toContain(
      `| MESECVI/CEVI/doc.40/${yy()} | Follow-up of round ${ROUND} — hemispheric report | ${today} | adopted |`,
    );
    const html = await http().get(`/annual-reports/${year}?format=html`).set('authorization', a).expect(200);
    expect(html.text).toContain('<td>Uruguay (URY)</td><td>Experta de Uruguay (since');

    // The year before: nobody was designated yet and no round existed (the focal points' accounts,
    // created at the real date, date from then only when the run jumped from December to January).
    const last = (
      await http()
        .get(`/annual-reports/${year - 1}`)
        .set('authorization', a)
        .expect(200)
    ).body as AnnualReport;
    expect(last).toMatchObject({
      asOf: `${year - 1}-12-31`,
      designationTotals: { titular: 0, alternate: 0, focalPoint: startedLastYear ? INVITED.length : 0, complete: 0 },
      rounds: [],
      responses: [],
      reportsAdopted: [],
    });

    // States may not read it; years outside 2004…this year are refused.
    expect(
      (
        await http()
          .get(`/annual-reports/${year}`)
          .set('authorization', await bearer(focal.get('ARG') as TestAccount))
      ).status,
    ).toBe(403);
    for (const bad of ['2003', String(year + 1), 'last', '20266']) {
      const res = await http().get(`/annual-reports/${bad}`).set('authorization', a);
      expect({ bad, status: res.status }).toEqual({ bad, status: 422 });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors[0]).toMatchObject({ pointer: '/year', keyword: 'year_range' });
    }
  });

  it('reads a past year as it stood on 31 December: a round closed the next January is still in progress there', async () => {
    // Noon in New York on 10 January of the next year.
    await clock.advance(Date.UTC(year + 1, 0, 10, 17) - (await clock.now()).getTime());
    await phase(roundId, 'closed');
    const past = (
      await http()
        .get(`/annual-reports/${year}`)
        .set('authorization', await admin())
        .expect(200)
    ).body as AnnualReport;
    expect(past.asOf).toBe(`${year}-12-31`);
    expect(past.rounds.find((r) => r.id === roundId)).toMatchObject({
      phase: 'hemispheric_report',
      currentPhase: 'closed',
      closedInYear: false,
    });
    expect(past.designationTotals).toEqual({ states: 32, titular: 2, alternate: 1, focalPoint: 6, complete: 1 });
    expect(past.reportsAdopted).toHaveLength(6);
    const next = (
      await http()
        .get(`/annual-reports/${year + 1}`)
        .set('authorization', await admin())
        .expect(200)
    ).body as AnnualReport;
    expect(next).toMatchObject({ asOf: `${year + 1}-01-10`, responses: [], reportsAdopted: [] });
    expect(next.rounds.find((r) => r.id === roundId)).toMatchObject({
      phase: 'closed',
      closedInYear: true,
      invited: 5,
      responded: 3,
    });
  });
});
