import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { canonicalJson, QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { applyMergePatch } from '@mesecvi/submissions';
import {
  createAccount,
  createSuiteDatabase,
  login,
  startTestApi,
  testConfig,
  type SuiteDatabase,
  type TestApi,
} from '../harness';
import { exampleAnswers, openRoundFor, uploadEvidence } from '../harness/submission-fixtures';

const RUNS = Number(process.env.SUBMISSION_PROPERTY_RUNS ?? 1000);

/**
 * Random documents thrown at save (PUT and merge PATCH) and submit, in-process through HTTP:
 * never a 5xx, and the stored draft is either unchanged or leniently valid.
 */
describe('submissions under random documents (fast-check)', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let registry: QuestionnaireRegistry;
  let questionnaireId: string;
  let evaluationId: string;
  let fp: string;
  let admin: string;
  let example: Record<string, unknown>;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url, { ANSWERS_MAX_BYTES: '65536' }));
    ds = api.app.get(DataSource);
    registry = api.app.get(QuestionnaireRegistry);
    const secretariat = await createAccount(ds, { role: 'secretariat' });
    const focal = await createAccount(ds, { role: 'state_focal_point', stateCode: 'ARG' });
    admin = (await login(api, secretariat.email, secretariat.password)).bearer;
    fp = (await login(api, focal.email, focal.password)).bearer;
    questionnaireId = (await registry.current('evaluation-round')).id;
    const due = new Date((await api.app.get(Clock).now()).getTime() + 60 * 86400_000).toISOString().slice(0, 10);
    evaluationId = (
      await openRoundFor(api, admin, {
        number: 4,
        questionnaireVersionId: questionnaireId,
        responseDueDate: due,
        stateCodes: ['ARG'],
      })
    ).evaluations.ARG;
    example = exampleAnswers('valid-argentina-complete', await uploadEvidence(api, fp, evaluationId));
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const stored = async (): Promise<{ version: number; document: Record<string, unknown> }> =>
    (
      (await ds.query('SELECT version, document FROM answer_draft WHERE evaluation_id = $1', [evaluationId])) as Array<{
        version: number;
        document: Record<string, unknown>;
      }>
    )[0];

  it(`never answers 5xx and never stores a draft that is not leniently valid (${RUNS} documents)`, async () => {
    const ids = Object.keys(example);
    const key = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...ids) },
      { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'LEG-99', '') },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    );
    const value = fc.jsonValue({ maxDepth: 4 });
    // A random document; the valid example with one item's field replaced; or a subset of the example.
    const randomDoc = fc.dictionary(key, value, { maxKeys: 6 });
    const mutated = fc.tuple(fc.constantFrom(...ids), fc.string({ maxLength: 12 }), value).map(([item, field, v]) => {
      const base = example[item];
      const changed =
        base && typeof base === 'object' && !Array.isArray(base) ? { ...base, [field || Object.keys(base)[0]]: v } : v;
      return { ...example, [item]: changed };
    });
    const subset = fc.subarray(ids).map((keep) => Object.fromEntries(keep.map((id) => [id, example[id]])));
    const document = fc.oneof(randomDoc, mutated, subset);
    const submitBody = fc.oneof(
      fc.constant({}),
      fc.jsonValue({ maxDepth: 3 }),
      fc.record({ onBehalf: fc.record({ channel: fc.string(), reference: fc.string() }) }),
    );
    const statuses = new Map<number, number>();

    // The model of what must be stored: checked in-process each run, against the database at the end.
    let model = (await stored()).document;
    let version = (await stored()).version;
    await fc.assert(
      fc.asyncProperty(document, fc.boolean(), submitBody, async (doc, asPatch, body) => {
        const res = await api
          .http()
          [asPatch ? 'patch' : 'put'](`/evaluations/${evaluationId}/draft`)
          .set('authorization', fp)
          .set('if-match', `"${version}"`)
          .set('content-type', asPatch ? 'application/merge-patch+json' : 'application/json')
          .send(JSON.stringify(doc));
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status).toBeLessThan(500);
        // A 412 would mean the draft changed under a refused save.
        expect(res.status).not.toBe(412);
        if (res.status === 200) {
          const saved = (asPatch ? applyMergePatch(model, doc) : doc) as Record<string, unknown>;
          expect((await registry.validate(questionnaireId, saved, 'lenient', 'en')).valid).toBe(true);
          expect(res.body.version).toBe(version + 1);
          model = saved;
          version = res.body.version;
        }
        const submit = await api
          .http()
          .post(`/evaluations/${evaluationId}/submissions`)
          .set('authorization', fp)
          .set('content-type', 'application/json')
          .send(JSON.stringify(body));
        statuses.set(submit.status, (statuses.get(submit.status) ?? 0) + 1);
        expect(submit.status).toBeLessThan(500);
        // A random document that happens to be complete was submitted: reopen the draft to go on
        // (the clarification restarts the draft from that very version, one version up).
        if (submit.status === 201) {
          await api
            .http()
            .post(`/evaluations/${evaluationId}/clarification-requests`)
            .set('authorization', admin)
            .send({ message: 'property test' })
            .expect(201);
          version += 1;
        }
      }),
      { numRuns: RUNS },
    );
    const final = await stored();
    expect(final.version).toBe(version);
    expect(canonicalJson(final.document)).toBe(canonicalJson(model));
    expect(statuses.get(200)).toBeGreaterThan(RUNS / 10);
    expect(statuses.get(422)).toBeGreaterThan(RUNS / 10);
  }, 300_000);
});
