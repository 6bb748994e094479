import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { canonicalJson, QuestionnaireRegistry } from '@mesecvi/questionnaires';
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
import { exampleAnswers, openRoundFor, uploadEvidence } from '../harness/submission-fixtures';

/**
 * Numbers with more digits than a double holds: JSON.parse reads `100.000000000000000001` as 100
 * (within a percentage's maximum of 100) and `1000000.0000000000000001` as 1000000 (an integer
 * within 1e6), and the validator judges those values. The draft must store what it judged, so the
 * stored draft, the draft read back and the sealed submission all hold the same numbers.
 */
const TRUST = '100.000000000000000001';
const COURTS = '1000000.0000000000000001';

/** The document's JSON text with the two probe numbers written as sent, digit for digit. */
function withProbeNumbers(answers: Record<string, unknown>): string {
  const document = {
    ...answers,
    'JUS-07': { ...(answers['JUS-07'] as object), courts: '@COURTS@' },
    'JUS-09': { ...(answers['JUS-09'] as object), trust: '@TRUST@' },
  };
  return JSON.stringify(document).replace('"@COURTS@"', COURTS).replace('"@TRUST@"', TRUST);
}

describe('the draft save: the numbers it validated, its answers in order', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let evaluations: Record<string, string>;
  const people = new Map<string, TestAccount>();
  const bearer = async (key: string): Promise<string> => {
    const p = people.get(key) as TestAccount;
    return (await login(api, p.email, p.password)).bearer;
  };
  /** The stored numbers as PostgreSQL holds them (jsonb keeps every digit it is given). */
  const storedNumbers = async (id: string): Promise<{ trust: string; courts: string }> =>
    (
      await ds.query<Array<{ trust: string; courts: string }>>(
        `SELECT document #>> '{JUS-09,trust}' AS trust, document #>> '{JUS-07,courts}' AS courts
           FROM answer_draft WHERE evaluation_id = $1`,
        [id],
      )
    )[0];

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url, { ANSWERS_MAX_BYTES: '65536', LOGIN_MAX_ATTEMPTS: '1000' }));
    ds = api.app.get(DataSource);
    people.set('secretariat', await createAccount(ds, { role: 'secretariat' }));
    for (const state of ['ARG', 'BRA', 'CHL'])
      people.set(`fp.${state}`, await createAccount(ds, { role: 'state_focal_point', stateCode: state }));
    const clock = api.app.get(Clock);
    ({ evaluations } = await openRoundFor(api, await bearer('secretariat'), {
      number: 7,
      questionnaireVersionId: (await api.app.get(QuestionnaireRegistry).current('evaluation-round')).id,
      responseDueDate: new Date((await clock.now()).getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
      stateCodes: ['ARG', 'BRA', 'CHL'],
    }));
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('PUT: stores the parsed values, reads them back, and seals the same answers', async () => {
    const fp = await bearer('fp.ARG');
    const id = evaluations.ARG;
    const text = withProbeNumbers(exampleAnswers('valid-argentina-complete', await uploadEvidence(api, fp, id)));
    const saved = await api
      .http()
      .put(`/evaluations/${id}/draft`)
      .set('authorization', fp)
      .set('if-match', '"0"')
      .set('content-type', 'application/json')
      .send(text)
      .expect(200);
    expect(saved.body.remainingProblems).toEqual([]);
    expect(await storedNumbers(id)).toEqual({ trust: '100', courts: '1000000' });

    const read = await api.http().get(`/evaluations/${id}/draft`).set('authorization', fp).expect(200);
    expect(read.body.document['JUS-09'].trust).toBe(100);
    expect(read.body.document['JUS-07'].courts).toBe(1000000);

    const sealed = await api
      .http()
      .post(`/evaluations/${id}/submissions`)
      .set('authorization', fp)
      .send({})
      .expect(201);
    const [row] = await ds.query<Array<{ canonical_json: string; sha256: string; same: boolean }>>(
      `SELECT s.canonical_json, s.sha256, s.canonical_json::jsonb = d.document AS same
         FROM submission s JOIN answer_draft d ON d.evaluation_id = s.evaluation_id WHERE s.id = $1`,
      [sealed.body.id],
    );
    expect(row.same).toBe(true);
    expect(row.canonical_json).toMatch(/"trust":100[,}]/);
    expect(row.canonical_json).toMatch(/"courts":1000000[,}]/);
    expect(row.sha256).toBe(createHash('sha256').update(canonicalJson(read.body.document)).digest('hex'));
  });

  it('PATCH: a merge patch carrying the probe numbers stores the parsed values too', async () => {
    const fp = await bearer('fp.BRA');
    const id = evaluations.BRA;
    const text = `{"JUS-07":{"courts":${COURTS},"prosecutorsOffices":3},"JUS-09":{"trust":${TRUST},"perceptions":"Encuesta nacional"}}`;
    await api
      .http()
      .patch(`/evaluations/${id}/draft`)
      .set('authorization', fp)
      .set('if-match', '"0"')
      .set('content-type', 'application/merge-patch+json')
      .send(text)
      .expect(200);
    expect(await storedNumbers(id)).toEqual({ trust: '100', courts: '1000000' });
  });

  it('answers 404, 428, 409, 412 and 422 in that order, and a refused first save leaves the evaluation invited', async () => {
    const fp = await bearer('fp.CHL');
    const id = evaluations.CHL;
    const wrong = { 'JUS-09': { trust: 101, perceptions: 'Encuesta' } };
    const put = (evaluationId: string, ifMatch: string | null, bearerToken = fp) => {
      const request = api.http().put(`/evaluations/${evaluationId}/draft`).set('authorization', bearerToken);
      return (ifMatch === null ? request : request.set('if-match', ifMatch)).send(wrong);
    };
    await put('00000000-0000-4000-8000-000000000000', null).expect(404);
    await put(evaluations.ARG, null).expect(404); // another state's evaluation
    await put(id, null).expect(428);
    const stale = await put(id, '"5"').expect(412);
    expect(stale.headers.etag).toBe('"0"');
    const refused = await put(id, '"0"').expect(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ pointer: '/JUS-09/trust', keyword: 'maximum' })]);
    const draft = await api.http().get(`/evaluations/${id}/draft`).set('authorization', fp).expect(200);
    expect(draft.body).toMatchObject({ version: 0, evaluationStatus: 'invited', document: {} });
    // Argentina's evaluation was submitted above: frozen comes before a stale ETag.
    const frozen = await put(evaluations.ARG, '"99"', await bearer('fp.ARG')).expect(409);
    expect(frozen.body.rule).toBe('draft_frozen');
  });
});
