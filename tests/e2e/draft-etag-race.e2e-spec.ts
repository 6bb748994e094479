// Fault injection: 100 concurrent saves of one draft with one ETag — exactly one wins.
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
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
import { exampleAnswers, openRoundFor } from '../harness/submission-fixtures';

const WRITERS = 100;

describe('100 concurrent writes of one draft with one ETag', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let evaluationId: string;
  let bearers: string[];

  beforeAll(async () => {
    db = await createSuiteDatabase();
    // A pool as large as production's default, so the writers really overlap in PostgreSQL.
    api = await startTestApi(testConfig(db.url, { DB_POOL_SIZE: '10', LOGIN_MAX_ATTEMPTS: '1000' }));
    ds = api.app.get(DataSource);
    const secretariat = await createAccount(ds, { role: 'secretariat' });
    const admin = (await login(api, secretariat.email, secretariat.password)).bearer;
    const questionnaireVersionId = (await api.app.get(QuestionnaireRegistry).current('evaluation-round')).id;
    const due = new Date((await api.app.get(Clock).now()).getTime() + 60 * 86400_000).toISOString().slice(0, 10);
    evaluationId = (
      await openRoundFor(api, admin, { number: 7, questionnaireVersionId, responseDueDate: due, stateCodes: ['ARG'] })
    ).evaluations.ARG;
    // Writers from several people of the state: the focal point and contributors.
    bearers = [];
    for (const role of ['state_focal_point', 'state_contributor', 'state_contributor', 'state_contributor'] as const) {
      const account = await createAccount(ds, { role, stateCode: 'ARG' });
      bearers.push((await login(api, account.email, account.password)).bearer);
    }
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('lets exactly one through (200) and answers every other one 412 with the new ETag; the draft holds the winner', async () => {
    const draft = await api
      .http()
      .get(`/evaluations/${evaluationId}/draft`)
      .set('authorization', bearers[0])
      .expect(200);
    const etag = draft.headers.etag;
    const item = exampleAnswers('valid-argentina-complete')['LEG-01'] as Record<string, unknown>;
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        api
          .http()
          .patch(`/evaluations/${evaluationId}/draft`)
          .set('authorization', bearers[i % bearers.length])
          .set('if-match', etag)
          .set('content-type', 'application/merge-patch+json')
          .send(JSON.stringify({ 'LEG-01': { ...item, comment: `writer ${i}` } }))
          .then((res) => ({ i, res })),
      ),
    );
    const byStatus = new Map<number, number>();
    for (const { res } of results) byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
    expect(Object.fromEntries(byStatus)).toEqual({ 200: 1, 412: WRITERS - 1 });

    const winner = results.find(({ res }) => res.status === 200) as (typeof results)[number];
    const newEtag = winner.res.headers.etag;
    expect(newEtag).not.toBe(etag);
    for (const { res } of results.filter(({ res }) => res.status === 412)) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('precondition_failed');
      // The stale writers learn the current version (a save from before theirs may have won).
      expect(res.headers.etag).toBe(newEtag);
    }
    const rows: Array<{ version: number; comment: string }> = await ds.query(
      `SELECT version, document->'LEG-01'->>'comment' AS comment FROM answer_draft WHERE evaluation_id = $1`,
      [evaluationId],
    );
    expect(rows).toEqual([{ version: Number(JSON.parse(etag)) + 1, comment: `writer ${winner.i}` }]);
  }, 60_000);
});
