import type { INestApplicationContext } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { Clock, ClockService } from '@mesecvi/clock';
import {
  canonicalJson,
  carryOverTargets,
  QUESTIONNAIRE_FILES,
  QuestionnaireRegistry,
  type QuestionnaireFile,
} from '@mesecvi/questionnaires';
import { verifyAttachments, verifySubmissions } from '@mesecvi/submissions';
import {
  createAccount,
  createSuiteDatabase,
  login,
  MailSink,
  startTestApi,
  startTestWorker,
  testConfig,
  waitFor,
  type SuiteDatabase,
  type TestAccount,
  type TestApi,
} from '../harness';
import { exampleAnswers, openRoundFor, pdfBytes, uploadEvidence } from '../harness/submission-fixtures';

const addDays = (date: Date, days: number): string =>
  new Date(date.getTime() + days * 86400_000).toISOString().slice(0, 10);
const DAY = 86_400_000;

describe('state-party submissions: drafts, submit, evidence, versions, carry-over, integrity', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let ds: DataSource;
  let questionnaireId: string;
  let evaluations: Record<string, string>;
  let dueDate: string;
  const people = new Map<string, TestAccount>();
  const sink = new MailSink();
  const bearer = async (key: string): Promise<string> => {
    const p = people.get(key) as TestAccount;
    return (await login(api, p.email, p.password)).bearer;
  };
  const draftVersion = async (evaluationId: string): Promise<number> =>
    (
      (await ds.query('SELECT version FROM answer_draft WHERE evaluation_id = $1', [evaluationId])) as Array<{
        version: number;
      }>
    )[0].version;
  const evidence: Record<string, string[]> = {};

  beforeAll(async () => {
    db = await createSuiteDatabase();
    const config = testConfig(db.url, {
      ANSWERS_MAX_BYTES: '65536',
      ATTACHMENT_MAX_BYTES: '200000',
      LOGIN_MAX_ATTEMPTS: '1000',
    });
    api = await startTestApi(config);
    worker = await startTestWorker(config);
    ds = api.app.get(DataSource);
    people.set('secretariat', await createAccount(ds, { role: 'secretariat' }));
    for (const state of ['ARG', 'BRA', 'HTI']) {
      people.set(`fp.${state}`, await createAccount(ds, { role: 'state_focal_point', stateCode: state }));
      people.set(`contrib.${state}`, await createAccount(ds, { role: 'state_contributor', stateCode: state }));
    }
    questionnaireId = (await api.app.get(QuestionnaireRegistry).current('evaluation-round')).id;
    dueDate = addDays(await api.app.get(Clock).now(), 30);
    ({ evaluations } = await openRoundFor(api, await bearer('secretariat'), {
      number: 4,
      questionnaireVersionId: questionnaireId,
      responseDueDate: dueDate,
      stateCodes: ['ARG', 'BRA', 'HTI'],
    }));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  it('lets a focal point and a contributor fill the questionnaire in parts, with ETags, per-item editors and the first save moving invited → drafting', async () => {
    const [fp, contrib] = [await bearer('fp.ARG'), await bearer('contrib.ARG')];
    const id = evaluations.ARG;
    const first = await api.http().get(`/evaluations/${id}/draft`).set('authorization', contrib).expect(200);
    expect(first.headers.etag).toBe('"0"');
    expect(first.body).toMatchObject({ version: 0, document: {}, evaluationStatus: 'invited' });
    expect(first.body.remainingProblems.length).toBeGreaterThan(10);

    const full = exampleAnswers('valid-argentina-complete');
    const legislation = Object.fromEntries(
      Object.entries(full).filter(([k]) => k.startsWith('LEG-') && k !== 'LEG-02'),
    );
    const missing = await api
      .http()
      .patch(`/evaluations/${id}/draft`)
      .set('authorization', contrib)
      .set('content-type', 'application/merge-patch+json')
      .send(legislation)
      .expect(428);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);

    const saved = await api
      .http()
      .patch(`/evaluations/${id}/draft`)
      .set('authorization', contrib)
      .set('if-match', '"0"')
      .set('content-type', 'application/merge-patch+json')
      .send(legislation)
      .expect(200);
    expect(saved.headers.etag).toBe('"1"');
    expect(saved.body).toMatchObject({ version: 1, evaluationStatus: 'drafting' });
    expect(saved.body.changedItems).toEqual(Object.keys(legislation).sort());
    expect(
      saved.body.remainingProblems.some(
        (p: { pointer: string; keyword: string }) => p.pointer === '/PLN-01' && p.keyword === 'required',
      ),
    ).toBe(true);

    const plans = Object.fromEntries(
      Object.entries(full).filter(([k, v]) => k.startsWith('PLN-') && !JSON.stringify(v).includes('7b0c1d2e')),
    );
    await api
      .http()
      .patch(`/evaluations/${id}/draft`)
      .set('authorization', fp)
      .set('if-match', '"1"')
      .set('content-type', 'application/merge-patch+json')
      .send(plans)
      .expect(200);
    const stale = await api
      .http()
      .patch(`/evaluations/${id}/draft`)
      .set('authorization', contrib)
      .set('if-match', '"1"')
      .set('content-type', 'application/merge-patch+json')
      .send({ 'LEG-01': null })
      .expect(412);
    expect(stale.headers.etag).toBe('"2"');
    expect(stale.body.currentEtag).toBe('"2"');

    const draft = await api.http().get(`/evaluations/${id}/draft`).set('authorization', fp).expect(200);
    expect(draft.body.items['LEG-01'].editedBy).toBe(people.get('contrib.ARG')?.id);
    expect(draft.body.items[Object.keys(plans)[0]].editedBy).toBe(people.get('fp.ARG')?.id);
    expect(Object.keys(draft.body.document).sort()).toEqual(
      [...Object.keys(legislation), ...Object.keys(plans)].sort(),
    );
    const statusEvents: Array<{ n: number }> = await ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'state_evaluation.status_changed' AND summary->>'event' = 'first_draft_save'`,
      [id],
    );
    expect(statusEvents[0].n).toBe(1);
    // Every save is audited: the first (invited → drafting) and the later ones alike, with the changed items.
    const saves: Array<{
      actor_user_id: string;
      actor_role: string;
      summary: { stateCode: string; version: number; items: string[]; itemCount: number };
      request_id: string | null;
    }> = await ds.query(
      `SELECT actor_user_id, actor_role, summary, request_id FROM audit_event WHERE entity_id = $1 AND action = 'answer_draft.saved' ORDER BY id`,
      [id],
    );
    expect(saves.map((e) => e.summary.version)).toEqual([1, 2]);
    expect(saves[1]).toMatchObject({
      actor_user_id: people.get('fp.ARG')?.id,
      actor_role: 'state_focal_point',
      summary: { stateCode: 'ARG', version: 2, items: Object.keys(plans).sort(), itemCount: Object.keys(plans).length },
    });
    expect(saves[1].request_id).toEqual(expect.any(String));
    // Saving the same answers again changes no item: nothing is marked, the version still moves.
    const same = await api
      .http()
      .put(`/evaluations/${id}/draft`)
      .set('authorization', fp)
      .set('if-match', '"2"')
      .send(draft.body.document)
      .expect(200);
    expect(same.body).toMatchObject({ version: 3, changedItems: [], evaluationStatus: 'drafting' });
    const unchanged = await api.http().get(`/evaluations/${id}/draft`).set('authorization', fp).expect(200);
    expect(unchanged.body.items).toEqual(draft.body.items);
    // A merge patch marks only the items it changed: one sent as stored is not, one removed with null is, and so is one put back.
    const [kept, removed] = [Object.keys(legislation)[0], Object.keys(plans)[0]];
    const patch = (body: object, etag: string) =>
      api
        .http()
        .patch(`/evaluations/${id}/draft`)
        .set('authorization', contrib)
        .set('if-match', etag)
        .set('content-type', 'application/merge-patch+json')
        .send(body)
        .expect(200);
    expect((await patch({ [kept]: draft.body.document[kept], [removed]: null }, '"3"')).body).toMatchObject({
      version: 4,
      changedItems: [removed],
    });
    expect((await patch({ [kept]: draft.body.document[kept], [removed]: plans[removed] }, '"4"')).body).toMatchObject({
      version: 5,
      changedItems: [removed],
    });
    expect(
      (await api.http().get(`/evaluations/${id}/draft`).set('authorization', fp).expect(200)).body.document,
    ).toEqual(draft.body.document);
    // Whole-document saves in a row (each compared in the api with the version it wrote before): an
    // item with its keys in another order is unchanged, a removed one and one put back are changed.
    const doc = draft.body.document as Record<string, Record<string, unknown>>;
    const put = (body: object, etag: string) =>
      api.http().put(`/evaluations/${id}/draft`).set('authorization', fp).set('if-match', etag).send(body).expect(200);
    expect((await put(doc, '"5"')).body).toMatchObject({ version: 6, changedItems: [] });
    const { [removed]: _dropped, ...withoutRemoved } = doc;
    expect(
      (await put({ ...withoutRemoved, [kept]: Object.fromEntries(Object.entries(doc[kept]).reverse()) }, '"6"')).body,
    ).toMatchObject({ version: 7, changedItems: [removed] });
    expect((await put(doc, '"7"')).body).toMatchObject({ version: 8, changedItems: [removed] });
    const audited: Array<{ summary: { version: number; items: string[]; itemCount: number } }> = await ds.query(
      `SELECT summary FROM audit_event WHERE entity_id = $1 AND action = 'answer_draft.saved' AND (summary->>'version')::int >= 6 ORDER BY id`,
      [id],
    );
    expect(audited.map((e) => e.summary)).toEqual([
      { stateCode: 'ARG', version: 6, items: [], itemCount: 0 },
      { stateCode: 'ARG', version: 7, items: [removed], itemCount: 1 },
      { stateCode: 'ARG', version: 8, items: [removed], itemCount: 1 },
    ]);
  });

  it('lets only one of two concurrent saves with the same ETag through (the other gets 412)', async () => {
    const contrib = await bearer('contrib.ARG');
    const id = evaluations.ARG;
    const version = await draftVersion(id);
    const save = (text: string) =>
      api
        .http()
        .patch(`/evaluations/${id}/draft`)
        .set('authorization', contrib)
        .set('if-match', `"${version}"`)
        .set('content-type', 'application/merge-patch+json')
        .send({ 'LEG-01': { ...(exampleAnswers('valid-argentina-complete')['LEG-01'] as object), comment: text } });
    const results = await Promise.all([save('first'), save('second'), save('third')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412]);
    expect(await draftVersion(id)).toBe(version + 1);
  });

  it('accepts a merge patch sent as the OpenAPI document describes it (the UI sends that content type)', async () => {
    const openapi = (await api.http().get('/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    const content = openapi.paths['/evaluations/{id}/draft'].patch.requestBody?.content ?? {};
    expect(Object.keys(content)).toEqual(['application/merge-patch+json']);
    const id = evaluations.ARG;
    const version = await draftVersion(id);
    const saved = await api
      .http()
      .patch(`/evaluations/${id}/draft`)
      .set('authorization', await bearer('contrib.ARG'))
      .set('if-match', `"${version}"`)
      .set('content-type', Object.keys(content)[0])
      .send(JSON.stringify({ 'LEG-01': { ...(exampleAnswers('valid-argentina-complete')['LEG-01'] as object) } }))
      .expect(200);
    expect(saved.body.version).toBe(version + 1);
  });

  it('refuses bad input with problem+json and changes nothing', async () => {
    const contrib = await bearer('contrib.ARG');
    const id = evaluations.ARG;
    const version = await draftVersion(id);
    const etag = `"${version}"`;
    const put = () => api.http().put(`/evaluations/${id}/draft`).set('authorization', contrib).set('if-match', etag);
    const patch = () =>
      api
        .http()
        .patch(`/evaluations/${id}/draft`)
        .set('authorization', contrib)
        .set('if-match', etag)
        .set('content-type', 'application/merge-patch+json');
    const cases: Array<
      [
        string,
        () => Promise<{
          status: number;
          headers: Record<string, string>;
          body: { code: string; errors?: Array<{ pointer: string; keyword?: string }> };
        }>,
        number,
        string,
      ]
    > = [
      [
        'malformed JSON',
        () => put().set('content-type', 'application/json').send('{"LEG-01": '),
        400,
        'malformed_json',
      ],
      [
        'wrong content type on PUT',
        () => put().set('content-type', 'text/plain').send('LEG-01=yes'),
        415,
        'unsupported_media_type',
      ],
      [
        'plain JSON on PATCH',
        () =>
          api
            .http()
            .patch(`/evaluations/${id}/draft`)
            .set('authorization', contrib)
            .set('if-match', etag)
            .send({ 'LEG-01': null }),
        415,
        'unsupported_media_type',
      ],
      ['an unknown question', () => patch().send({ 'LEG-99': { answer: 'yes' } }), 422, 'validation_failed'],
      ['an unknown field', () => patch().send({ 'LEG-02': { answer: 'no', notes: 'x' } }), 422, 'validation_failed'],
      [
        'a wrong date format',
        () => patch().send({ 'LEG-04': { answer: 'yes', citations: [{ name: 'Ley', date: '13/03/1996' }] } }),
        422,
        'validation_failed',
      ],
      [
        '__proto__',
        () => put().set('content-type', 'application/json').send('{"LEG-01":{"__proto__":{"polluted":true}}}'),
        400,
        'bad_request',
      ],
      ['constructor', () => patch().send('{"LEG-01":{"constructor":{"answer":"yes"}}}'), 400, 'bad_request'],
      [
        'deep nesting',
        () => patch().send(JSON.stringify(Array.from({ length: 40 }).reduce<unknown>((acc) => ({ a: acc }), 1))),
        422,
        'validation_failed',
      ],
      [
        'a huge array',
        () => patch().send({ 'JUS-03': { rows: Array.from({ length: 5000 }, () => 1) } }),
        422,
        'validation_failed',
      ],
      [
        'an oversized document',
        () => patch().send({ 'SRV-03': { description: 'x'.repeat(70_000) } }),
        413,
        'payload_too_large',
      ],
      [
        'a body over the HTTP limit',
        () => patch().send({ 'SRV-03': { description: 'x'.repeat(1_100_000) } }),
        413,
        'payload_too_large',
      ],
      [
        'another state’s attachment',
        () => patch().send({ 'LEG-02': { answer: 'no', evidence: ['7b0c1d2e-3f40-4a5b-8c6d-000000000001'] } }),
        422,
        'validation_failed',
      ],
    ];
    for (const [what, call, status, code] of cases) {
      const res = await call();
      expect({ what, status: res.status, code: res.body.code }).toEqual({ what, status, code });
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await draftVersion(id)).toBe(version);

    // Another state's evaluation is 404 for every draft route, as if it did not exist.
    await api.http().get(`/evaluations/${evaluations.BRA}/draft`).set('authorization', contrib).expect(404);
    await api
      .http()
      .put(`/evaluations/${evaluations.BRA}/draft`)
      .set('authorization', contrib)
      .set('if-match', '"0"')
      .send({})
      .expect(404);
  });

  it('answers a hostile string against every pattern of the questionnaire quickly (no catastrophic backtracking)', async () => {
    const compiled = await api.app.get(QuestionnaireRegistry).compiled(questionnaireId);
    const patterns = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === 'pattern' && typeof v === 'string') patterns.add(v);
          else walk(v);
        }
      }
    };
    walk(compiled.schema);
    expect(patterns.size).toBeGreaterThan(0);
    const hostile = [
      'a'.repeat(50_000) + '!',
      'https://' + 'a.'.repeat(25_000) + '!',
      ' '.repeat(50_000) + '\u0000',
      '1'.repeat(50_000) + 'x',
      'aA0-_'.repeat(10_000) + '\n',
    ];
    for (const pattern of patterns) {
      const re = new RegExp(pattern, 'u');
      for (const s of hostile) {
        const started = performance.now();
        re.test(s);
        expect({ pattern, ms: performance.now() - started < 50 }).toEqual({ pattern, ms: true });
      }
    }
    // And through the API: a hostile web address is refused at once.
    const contrib = await bearer('contrib.ARG');
    const started = Date.now();
    const res = await api
      .http()
      .patch(`/evaluations/${evaluations.ARG}/draft`)
      .set('authorization', contrib)
      .set('if-match', `"${await draftVersion(evaluations.ARG)}"`)
      .set('content-type', 'application/merge-patch+json')
      .send({ 'LEG-04': { answer: 'yes', citations: [{ name: 'Ley', url: 'https://' + 'a.'.repeat(20_000) + '!' }] } });
    expect(res.status).toBe(422);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('stores evidence checked by content, refuses other types and oversize files, and authorises downloads like the evaluation', async () => {
    const contrib = await bearer('contrib.ARG');
    evidence.ARG = await uploadEvidence(api, contrib, evaluations.ARG);
    const upload = (body: Buffer, name = 'x.pdf') =>
      api
        .http()
        .post(`/evaluations/${evaluations.ARG}/attachments`)
        .set('authorization', contrib)
        .set('content-type', 'application/octet-stream')
        .set('x-filename', encodeURIComponent(name))
        .send(body);
    const exe = await upload(Buffer.from('MZ\x90\x00 not a pdf'), 'informe.pdf');
    expect(exe.status).toBe(415);
    const large = await upload(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(250_000)]));
    expect(large.status).toBe(413);
    // What a client checks before sending: the same limit, and the kinds the content check accepts.
    const limits = await api.http().get('/attachments/limits').set('authorization', contrib).expect(200);
    expect(limits.body.maxBytes).toBe(200_000);
    expect(limits.body.types).toContainEqual({ mediaType: 'application/pdf', extensions: ['pdf'] });
    await api.http().get('/attachments/limits').expect(401);
    const json = await api
      .http()
      .post(`/evaluations/${evaluations.ARG}/attachments`)
      .set('authorization', contrib)
      .send({ file: 'x' });
    expect(json.status).toBe(415);

    const named = await upload(pdfBytes('ley'), 'Ley 26.485 – protección.pdf').expect(201);
    expect(named.body).toMatchObject({
      filename: 'Ley 26.485 – protección.pdf',
      mediaType: 'application/pdf',
      sha256: createHash('sha256').update(pdfBytes('ley')).digest('hex'),
    });
    const download = await api
      .http()
      .get(`/attachments/${named.body.id}`)
      .set('authorization', await bearer('fp.ARG'))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(
      "filename*=UTF-8''Ley%2026.485%20%E2%80%93%20protecci%C3%B3n.pdf",
    );
    expect(Buffer.compare(download.body as Buffer, pdfBytes('ley'))).toBe(0);
    await api
      .http()
      .get(`/attachments/${named.body.id}`)
      .set('authorization', await bearer('fp.BRA'))
      .expect(404);
    await api
      .http()
      .get(`/attachments/${named.body.id}`)
      .set('authorization', await bearer('secretariat'))
      .expect(200);
    const list = await api
      .http()
      .get(`/evaluations/${evaluations.ARG}/attachments`)
      .set('authorization', contrib)
      .expect(200);
    expect(list.body).toHaveLength(8);

    // Brazil cannot cite Argentina's files.
    const brazil = await bearer('fp.BRA');
    const res = await api
      .http()
      .patch(`/evaluations/${evaluations.BRA}/draft`)
      .set('authorization', brazil)
      .set('if-match', '"0"')
      .set('content-type', 'application/merge-patch+json')
      .send({ 'LEG-02': { answer: 'no', evidence: [named.body.id] } })
      .expect(422);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ pointer: '/LEG-02/evidence/0', keyword: 'attachment', label: expect.any(String) }),
    ]);
  });

  it('refuses a submission with errors in the focal point’s language (Spanish), then accepts the fixed answers once, idempotently, on time', async () => {
    const fp = await bearer('fp.ARG');
    const id = evaluations.ARG;
    await api
      .http()
      .post(`/evaluations/${id}/submissions`)
      .set('authorization', await bearer('contrib.ARG'))
      .send({})
      .expect(403);
    const refused = await api
      .http()
      .post(`/evaluations/${id}/submissions`)
      .set('authorization', fp)
      .send({})
      .expect(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    const missing = (
      refused.body.errors as Array<{ pointer: string; keyword: string; message: string; label: string }>
    ).find((e) => e.pointer === '/JUS-01');
    expect(missing).toMatchObject({ keyword: 'required', message: 'Responda esta pregunta.' });
    expect(missing?.label).toMatch(/\w/);

    const answers = exampleAnswers('valid-argentina-complete', evidence.ARG);
    const put = await api
      .http()
      .put(`/evaluations/${id}/draft`)
      .set('authorization', fp)
      .set('if-match', `"${await draftVersion(id)}"`)
      .send(answers)
      .expect(200);
    expect(put.body.remainingProblems).toEqual([]);

    const key = 'submit-arg-0001';
    const [a, b] = await Promise.all([
      api.http().post(`/evaluations/${id}/submissions`).set('authorization', fp).set('idempotency-key', key).send({}),
      api.http().post(`/evaluations/${id}/submissions`).set('authorization', fp).set('idempotency-key', key).send({}),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body).toEqual(b.body);
    expect(a.body).toMatchObject({
      versionNumber: 1,
      onTime: true,
      daysLate: 0,
      dueDate,
      evaluationStatus: 'submitted',
      onBehalf: null,
      event: 'submit',
    });
    expect(a.body.sha256).toBe(createHash('sha256').update(canonicalJson(answers)).digest('hex'));
    expect(a.body.validatorVersion).toMatch(/^ajv-\d/);
    const other = await api
      .http()
      .post(`/evaluations/${id}/submissions`)
      .set('authorization', fp)
      .set('idempotency-key', key)
      .send({ onBehalf: { channel: 'email', reference: 'x' } })
      .expect(409);
    expect(other.body.rule).toBe('idempotency_key_reused');
    const again = await api.http().post(`/evaluations/${id}/submissions`).set('authorization', fp).send({}).expect(409);
    expect(again.body).toMatchObject({ rule: 'submission_status', evaluationStatus: 'submitted' });
    const frozen = await api
      .http()
      .put(`/evaluations/${id}/draft`)
      .set('authorization', fp)
      .set('if-match', `"${await draftVersion(id)}"`)
      .send(answers)
      .expect(409);
    expect(frozen.body).toMatchObject({ rule: 'draft_frozen', evaluationStatus: 'submitted' });
    expect(
      (
        (await ds.query('SELECT count(*)::int AS n FROM submission WHERE evaluation_id = $1', [id])) as Array<{
          n: number;
        }>
      )[0].n,
    ).toBe(1);

    // The response deadline is completed (its reminders stop) and the secretariat is told, with the hash.
    const evaluation = await api.http().get(`/evaluations/${id}`).set('authorization', fp).expect(200);
    expect(evaluation.body).toMatchObject({ status: 'submitted', responseDeadline: { status: 'completed' } });
    const planned: Array<{ n: number }> = await ds.query(
      `SELECT count(*)::int AS n FROM reminder WHERE deadline_id = $1 AND status = 'planned'`,
      [evaluation.body.responseDeadline.id],
    );
    expect(planned[0].n).toBe(0);
    const mail = await sink.waitForMailTo((people.get('secretariat') as TestAccount).email);
    expect(mail[0].subject).toMatch(/Argentina submitted its answers/);
    expect(mail[0].text).toContain(a.body.sha256);
    const version = await api
      .http()
      .get(`/evaluations/${id}/submissions/1`)
      .set('authorization', await bearer('secretariat'))
      .expect(200);
    expect(version.body).toMatchObject({ sha256: a.body.sha256, answers });
    // The database refuses to change a submitted version.
    await expect(ds.query(`UPDATE submission SET days_late = 0 WHERE evaluation_id = $1`, [id])).rejects.toThrow(
      /immutable/,
    );
    await expect(ds.query(`DELETE FROM submission WHERE evaluation_id = $1`, [id])).rejects.toThrow(/immutable/);
  });

  it('lets the secretariat record answers received by diplomatic note on a state’s behalf, and says so', async () => {
    const admin = await bearer('secretariat');
    const id = evaluations.HTI;
    const ids = await uploadEvidence(api, admin, id);
    await api
      .http()
      .put(`/evaluations/${id}/draft`)
      .set('authorization', admin)
      .set('if-match', '"0"')
      .send(exampleAnswers('valid-jamaica-unitary', ids))
      .expect(200);
    const noChannel = await api
      .http()
      .post(`/evaluations/${id}/submissions`)
      .set('authorization', admin)
      .send({})
      .expect(422);
    expect(noChannel.body.errors[0].pointer).toBe('/onBehalf');
    await api
      .http()
      .post(`/evaluations/${id}/submissions`)
      .set('authorization', await bearer('fp.HTI'))
      .send({ onBehalf: { channel: 'email', reference: 'x' } })
      .expect(422);
    const recorded = await api
      .http()
      .post(`/evaluations/${id}/submissions`)
      .set('authorization', admin)
      .send({ onBehalf: { channel: 'diplomatic_note', reference: 'Note HTI/MPF/2027-14' } })
      .expect(201);
    expect(recorded.body).toMatchObject({
      onBehalf: { channel: 'diplomatic_note', reference: 'Note HTI/MPF/2027-14' },
      submittedBy: { role: 'secretariat' },
      evaluationStatus: 'submitted',
    });
    const list = await api
      .http()
      .get(`/evaluations/${id}/submissions`)
      .set('authorization', await bearer('contrib.HTI'))
      .expect(200);
    expect(list.body[0].onBehalf.channel).toBe('diplomatic_note');
  });

  it('runs the clarification loop: new draft from the last version, resubmission back to submitted, versions listed, a diff with labels', async () => {
    const admin = await bearer('secretariat');
    const id = evaluations.ARG;
    await api
      .http()
      .post(`/evaluations/${evaluations.BRA}/clarification-requests`)
      .set('authorization', admin)
      .send({ message: 'Nothing submitted yet' })
      .expect(409);
    const before = await draftVersion(id);
    const request = await api
      .http()
      .post(`/evaluations/${id}/clarification-requests`)
      .set('authorization', admin)
      .send({ message: 'Please give the sources of LEG-01.', dueDate: addDays(new Date(), 400) })
      .expect(201);
    expect(request.body.basedOnSubmissionId).toBeDefined();
    // The state's focal point and contributor are told through the outbox, in the state's language
    // (Spanish for Argentina); nobody of another state is.
    for (const key of ['fp.ARG', 'contrib.ARG']) {
      const address = (people.get(key) as TestAccount).email;
      const [mail] = await waitFor(
        `clarification mail to ${key}`,
        async () => {
          const found = (await sink.to(address)).filter((m) => m.subject.includes('aclaración'));
          return found.length > 0 ? found : undefined;
        },
        30_000,
        200,
      );
      expect(mail.subject).toMatch(/se solicita una aclaración de las respuestas de Argentina/);
      expect(mail.text).toContain('Please give the sources of LEG-01.');
      expect(mail.text).toContain('versión 1');
      expect(mail.text).toContain(`/app/evaluations/${id}`);
      expect(mail.text).not.toContain(`/evaluations/${id}/draft`);
    }
    const ledger: Array<{ template: string; recipient_address: string | null; language: string }> = await ds.query(
      `SELECT template, recipient_address, language FROM outbox_message WHERE related_entity_type = 'clarification_request' AND related_entity_id = $1 ORDER BY recipient_address`,
      [request.body.id],
    );
    expect(ledger.map((m) => m.recipient_address).sort()).toEqual(
      [(people.get('contrib.ARG') as TestAccount).email, (people.get('fp.ARG') as TestAccount).email].sort(),
    );
    expect(ledger.every((m) => m.template === 'clarification_requested' && m.language === 'es')).toBe(true);
    const fp = await bearer('fp.ARG');
    const draft = await api.http().get(`/evaluations/${id}/draft`).set('authorization', fp).expect(200);
    expect(draft.body.evaluationStatus).toBe('clarification_requested');
    expect(draft.body.version).toBe(before + 1);
    const v1 = (await api.http().get(`/evaluations/${id}/submissions/1`).set('authorization', fp).expect(200)).body;
    expect(draft.body.document).toEqual(v1.answers);

    const leg01 = {
      ...(v1.answers['LEG-01'] as object),
      comment: 'Artículo 75, inciso 22, de la Constitución Nacional (reforma de 1994).',
    };
    await api
      .http()
      .patch(`/evaluations/${id}/draft`)
      .set('authorization', fp)
      .set('if-match', draft.headers.etag)
      .set('content-type', 'application/merge-patch+json')
      .send({ 'LEG-01': leg01 })
      .expect(200);
    const second = await api
      .http()
      .post(`/evaluations/${id}/submissions`)
      .set('authorization', fp)
      .send({})
      .expect(201);
    expect(second.body).toMatchObject({
      versionNumber: 2,
      event: 'resubmit_without_rapporteurs',
      evaluationStatus: 'submitted',
      onTime: true,
    });

    const versions = await api
      .http()
      .get(`/evaluations/${id}/submissions`)
      .set('authorization', await bearer('contrib.ARG'))
      .expect(200);
    expect(versions.body.map((v: { versionNumber: number }) => v.versionNumber)).toEqual([1, 2]);
    const diff = await api
      .http()
      .get(`/evaluations/${id}/submission-diff?from=1&to=2`)
      .set('authorization', fp)
      .expect(200);
    expect(diff.body.changes).toEqual([
      expect.objectContaining({
        pointer: '/LEG-01/comment',
        change: 'changed',
        after: leg01.comment,
        label: expect.any(String),
      }),
    ]);
    const clarifications = await api
      .http()
      .get(`/evaluations/${id}/clarification-requests`)
      .set('authorization', fp)
      .expect(200);
    expect(clarifications.body[0]).toMatchObject({ answeredBySubmissionId: second.body.id });
  });

  it('carries answers over from the state’s last submission of an earlier round, marked until edited', async () => {
    const admin = await bearer('secretariat');
    const next = await openRoundFor(api, admin, {
      number: 5,
      questionnaireVersionId: questionnaireId,
      responseDueDate: addDays(new Date(), 400),
      stateCodes: ['ARG', 'BRA'],
    });
    const fp = await bearer('fp.ARG');
    const id = next.evaluations.ARG;
    await api.http().post(`/evaluations/${id}/draft/carry-over`).set('authorization', fp).expect(428);
    const carried = await api
      .http()
      .post(`/evaluations/${id}/draft/carry-over`)
      .set('authorization', fp)
      .set('if-match', '"0"')
      .expect(200);
    expect(carried.body.carriedItems).toContain('LEG-01');
    expect(carried.body.fromSubmission).toMatchObject({ evaluationId: evaluations.ARG, versionNumber: 2 });
    await api
      .http()
      .post(`/evaluations/${next.evaluations.BRA}/draft/carry-over`)
      .set('authorization', await bearer('fp.BRA'))
      .set('if-match', '"0"')
      .expect(409);
    const draft = await api.http().get(`/evaluations/${id}/draft`).set('authorization', fp).expect(200);
    expect(draft.body.evaluationStatus).toBe('drafting');
    expect(draft.body.items['LEG-01'].prefilledFrom).toBe(carried.body.fromSubmission.id);
    await api
      .http()
      .patch(`/evaluations/${id}/draft`)
      .set('authorization', fp)
      .set('if-match', draft.headers.etag)
      .set('content-type', 'application/merge-patch+json')
      .send({ 'LEG-01': { rank: 'constitutional' } })
      .expect(200);
    const after = await api.http().get(`/evaluations/${id}/draft`).set('authorization', fp).expect(200);
    expect(after.body.items['LEG-01'].prefilledFrom).toBeNull();
    expect(after.body.items['LEG-02'].prefilledFrom).toBe(carried.body.fromSubmission.id);
  });

  it('carries answers over to a renamed item by the mapping declared beside the schema, for answers of an earlier questionnaire version', async () => {
    const registry = api.app.get(QuestionnaireRegistry);
    const v1 = await registry.current('evaluation-round');
    const file = QUESTIONNAIRE_FILES.find((f) => f.key === 'evaluation-round') as QuestionnaireFile;
    // Version 2 renames LEG-02 to LEG-10 (schema, required list and texts); its mapping says so for answers of version 1.
    const rename = <T>(record: Record<string, T>): Record<string, T> =>
      Object.fromEntries(Object.entries(record).map(([k, v]) => [k === 'LEG-02' ? 'LEG-10' : k, v]));
    const schema = {
      ...file.schema,
      properties: rename(file.schema.properties as Record<string, unknown>),
      required: (file.schema.required as string[]).map((id) => (id === 'LEG-02' ? 'LEG-10' : id)),
    };
    const i18n = Object.fromEntries(
      Object.entries(file.i18n).map(([lang, texts]) => [
        lang,
        { ...texts, items: rename((texts as { items: Record<string, unknown> }).items) },
      ]),
    ) as unknown as QuestionnaireFile['i18n'];
    // A mapping that points to an item the questionnaire lacks is refused, and nothing is registered.
    await expect(
      registry.registerFiles([
        {
          key: 'evaluation-round',
          schema,
          i18n,
          carryOver: { fromVersions: { [String(v1.version)]: { 'LEG-02': 'LEG-99' } } },
        },
      ]),
    ).rejects.toThrow(/LEG-99/);
    const [v2] = await registry.registerFiles([
      {
        key: 'evaluation-round',
        schema,
        i18n,
        carryOver: { fromVersions: { [String(v1.version)]: { 'LEG-02': 'LEG-10' } } },
      },
    ]);
    expect(v2.version).toBe(v1.version + 1);

    const admin = await bearer('secretariat');
    const next = await openRoundFor(api, admin, {
      number: 6,
      questionnaireVersionId: v2.id,
      responseDueDate: addDays(new Date(), 400),
      stateCodes: ['ARG'],
    });
    const fp = await bearer('fp.ARG');
    const id = next.evaluations.ARG;
    const carried = await api
      .http()
      .post(`/evaluations/${id}/draft/carry-over`)
      .set('authorization', fp)
      .set('if-match', '"0"')
      .expect(200);
    expect(carried.body.fromSubmission).toMatchObject({ evaluationId: evaluations.ARG, versionNumber: 2 });
    expect(carried.body.renamedItems).toEqual([{ from: 'LEG-02', to: 'LEG-10' }]);
    expect(carried.body.carriedItems).toEqual(expect.arrayContaining(['LEG-01', 'LEG-10']));
    expect(carried.body.carriedItems).not.toContain('LEG-02');
    const source = (
      await api.http().get(`/evaluations/${evaluations.ARG}/submissions/2`).set('authorization', fp).expect(200)
    ).body;
    const draft = await api.http().get(`/evaluations/${id}/draft`).set('authorization', fp).expect(200);
    expect(draft.body.document['LEG-10']).toEqual(source.answers['LEG-02']);
    expect(draft.body.document['LEG-02']).toBeUndefined();
    expect(draft.body.items['LEG-10'].prefilledFrom).toBe(carried.body.fromSubmission.id);
    // The same answers carried to the same version (round 5 above) matched by id only: the mapping is for version 1's answers.
    expect(
      carryOverTargets(await registry.carryOverMapping('evaluation-round'), v2.version, ['LEG-02']).get('LEG-02'),
    ).toBe('LEG-02');
  });

  it('marks a submission after the due day as late, by calendar days', async () => {
    await (api.app.get(Clock) as ClockService).advance(35 * DAY);
    const fp = await bearer('fp.BRA');
    const id = evaluations.BRA;
    const ids = await uploadEvidence(api, fp, id);
    await api
      .http()
      .put(`/evaluations/${id}/draft`)
      .set('authorization', fp)
      .set('if-match', `"${await draftVersion(id)}"`)
      .send(exampleAnswers('valid-argentina-complete', ids))
      .expect(200);
    const late = await api.http().post(`/evaluations/${id}/submissions`).set('authorization', fp).send({}).expect(201);
    expect(late.body).toMatchObject({ onTime: false, dueDate });
    expect(late.body.daysLate).toBeGreaterThanOrEqual(4);
    expect(late.body.daysLate).toBeLessThanOrEqual(6);
  });

  it('recomputes every hash: intact, then reports a tampered submission and a tampered or missing file', async () => {
    expect(await verifySubmissions(ds)).toMatchObject({ checked: 4, problems: [] });
    expect((await verifyAttachments(ds)).problems).toEqual([]);
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      // Only someone able to switch triggers off (a superuser) can do this; the commands notice.
      await runner.query(`SET session_replication_role = replica`);
      await runner.query(
        `UPDATE submission SET canonical_json = replace(canonical_json, 'Argentina', 'Argentine') WHERE evaluation_id = $1 AND version_number = 1`,
        [evaluations.ARG],
      );
      await runner.query(`UPDATE evidence_attachment_content SET content = 'tampered' WHERE attachment_id = $1`, [
        evidence.ARG[0],
      ]);
      await runner.query(`DELETE FROM evidence_attachment_content WHERE attachment_id = $1`, [evidence.ARG[1]]);
    } finally {
      await runner.query(`SET session_replication_role = DEFAULT`);
      await runner.release();
    }
    const submissions = await verifySubmissions(ds);
    expect(submissions.problems).toEqual([
      expect.objectContaining({ problem: expect.stringMatching(/sha256 mismatch/) }),
    ]);
    const files = await verifyAttachments(ds);
    expect(files.problems.map((p) => p.problem).sort()).toEqual(['file missing', expect.stringMatching(/^size/)]);

    // The npm commands say the same and fail.
    for (const [what, line] of [
      ['submissions', /^submitted versions BROKEN: 4 checked, 1 mismatch/],
      ['attachments', /^evidence files BROKEN: \d+ checked, 2 mismatch/],
    ] as const) {
      const run = spawnSync(process.execPath, ['-r', '@swc-node/register', 'scripts/integrity-verify.ts', what], {
        cwd: path.join(__dirname, '..', '..'),
        env: { ...process.env, DATABASE_URL: db.url },
        encoding: 'utf8',
      });
      expect({ what, status: run.status, out: line.test(run.stdout) }).toEqual({ what, status: 1, out: true });
    }
  });
});
