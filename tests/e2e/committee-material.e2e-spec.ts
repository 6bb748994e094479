// Committee-only material travelling with something everyone reads: the rapporteurs' rating
// proposals in a recommendation's history follow the review's rule, so an expert never reads them
// about the state that appointed her or one she declared a conflict with.
import { DataSource } from 'typeorm';
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
import { createMatrixFixtures } from '../route-matrix/matrix-fixtures';
import type { MatrixContext } from '../route-matrix/route-matrix';

interface HistoryBody {
  history: { ratings: Array<{ followUpEvaluationId: string; proposal: { value: string } | null }> };
}

describe('committee material in the recommendations register', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let ctx: MatrixContext;
  let secretariat: TestAccount;

  /** An expert appointed (titular) by `stateCode`, signed in; the Coordinator if asked. */
  const expertOf = async (stateCode: string, coordinator = false): Promise<{ id: string; bearer: string }> => {
    const account = await createAccount(ds, { role: 'committee_expert', stateCode });
    const [appointment]: Array<{ id: string }> = await ds.query(
      `INSERT INTO appointment (state_code, kind, person_name, person_email, note_reference, notified_on, term_start, status, recorded_by, recorded_at, user_id)
       VALUES ($1, 'titular', 'Expert', $2, 'Note', '2026-01-01', '2026-01-01', 'active', $3, now(), $4) RETURNING id`,
      [stateCode, account.email, secretariat.id, account.id],
    );
    if (coordinator)
      await ds.query(
        `INSERT INTO committee_office (office, appointment_id, expert_user_id, method, term_start, term_end, status, recorded_by, recorded_at)
         VALUES ('coordinator', $1, $2, 'consensus', '2020-01-01', '2099-01-01', 'current', $3, now())`,
        [appointment.id, account.id, secretariat.id],
      );
    return { id: account.id, bearer: (await login(api, account.email, account.password)).bearer };
  };
  const history = async (bearer: string, recommendationId: string): Promise<HistoryBody['history']['ratings']> =>
    (
      (await api.http().get(`/recommendations/${recommendationId}`).set('authorization', bearer).expect(200))
        .body as HistoryBody
    ).history.ratings;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url));
    ds = api.app.get(DataSource);
    secretariat = await createAccount(ds, { role: 'secretariat' });
    ctx = await createMatrixFixtures(api, ds, new Map([['secretariat', secretariat]]));
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('an expert reads the recommendation of the state that appointed her, but not the rapporteurs’ proposal on it; the follow-up route stays 404', async () => {
    const admin = (await login(api, secretariat.email, secretariat.password)).bearer;
    // The secretariat sees the proposal: there is one to withhold.
    expect((await history(admin, ctx.recommendations.own))[0].proposal).toMatchObject({ value: 'partially_complied' });

    const own = await expertOf(ctx.ownState);
    const ratings = await history(own.bearer, ctx.recommendations.own);
    expect(ratings).toHaveLength(1);
    expect(ratings[0]).toMatchObject({ followUpEvaluationId: ctx.followUps.own, proposal: null });
    await api.http().get(`/evaluations/${ctx.followUps.own}/follow-up`).set('authorization', own.bearer).expect(404);
  });

  it('the Coordinator who declared a conflict with a state gets no proposal on it, and still gets one on a state she may evaluate', async () => {
    const coordinator = await expertOf('CHL', true);
    await api
      .http()
      .post('/committee/conflicts')
      .set('authorization', coordinator.bearer)
      .send({ stateCode: ctx.otherState, reason: 'Advised its ministry until last year.' })
      .expect(201);

    expect((await history(coordinator.bearer, ctx.recommendations.other))[0].proposal).toBeNull();
    await api
      .http()
      .get(`/evaluations/${ctx.followUps.other}/follow-up`)
      .set('authorization', coordinator.bearer)
      .expect(404);

    expect((await history(coordinator.bearer, ctx.recommendations.own))[0].proposal).toMatchObject({
      value: 'partially_complied',
    });
    const followUp = await api
      .http()
      .get(`/evaluations/${ctx.followUps.own}/follow-up`)
      .set('authorization', coordinator.bearer)
      .expect(200);
    expect(followUp.body.items[0].proposal).toMatchObject({ value: 'partially_complied' });
  });
});
