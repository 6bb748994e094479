// Evidence uploads are authenticated and authorised before their body is read, and each user has
// a bounded number of uploads in flight: an anonymous or foreign caller cannot make the api hold
// megabytes of someone else's request in memory.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import {
  createSuiteDatabase,
  signedIn,
  startTestApi,
  testConfig,
  waitFor,
  type SuiteDatabase,
  type TestApi,
} from '../harness';
import { pdfBytes } from '../harness/submission-fixtures';

const DECLARED = 24 * 1024 * 1024;
const FIRST_CHUNK = 64 * 1024;
const PROBLEM = /^application\/problem\+json/;

interface EarlyAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** Bytes of the body the client had sent when the answer came. */
  sentWhenAnswered: number;
}

/**
 * A 24 MB upload of which only the first 64 KB are sent; the rest is never sent. The answer must
 * come while the client is still "sending": a server that reads the whole body never answers.
 */
function partialUpload(
  port: number,
  path: string,
  headers: Record<string, string>,
): { answer: Promise<EarlyAnswer>; abort: () => void } {
  let sent = 0;
  const req = http.request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path,
    headers: { 'content-type': 'application/octet-stream', 'content-length': String(DECLARED), ...headers },
  });
  const answer = new Promise<EarlyAnswer>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer after ${sent} of ${DECLARED} bytes`)), 5000);
    req.on('response', (res) => {
      const sentWhenAnswered = sent;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: text ? JSON.parse(text) : {},
          sentWhenAnswered,
        });
      });
    });
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
  req.write(Buffer.alloc(FIRST_CHUNK, 0x25), () => {
    sent += FIRST_CHUNK;
  });
  return { answer, abort: () => req.destroy() };
}

describe('evidence uploads: who first, then the bytes', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let server: http.Server;
  let port: number;
  const evaluations: Record<string, string> = {};

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url, { ATTACHMENT_MAX_CONCURRENT_UPLOADS: '2' }));
    ds = api.app.get(DataSource);
    const questionnaireId = (await api.app.get(QuestionnaireRegistry).current('evaluation-round')).id;
    const [round]: Array<{ id: string }> = await ds.query(
      `INSERT INTO round (kind, name, number, phase, questionnaire_version_id, response_due_date, created_at, updated_at)
       VALUES ('evaluation', 'Upload round', 1, 'open_for_responses', $1, '2099-01-31', now(), now()) RETURNING id`,
      [questionnaireId],
    );
    for (const state of ['ARG', 'BRA']) {
      const [row]: Array<{ id: string }> = await ds.query(
        `INSERT INTO state_evaluation (round_id, state_code, questionnaire_version_id, distributed_at, updated_at) VALUES ($1, $2, $3, now(), now()) RETURNING id`,
        [round.id, state, questionnaireId],
      );
      await ds.query(`INSERT INTO answer_draft (evaluation_id, updated_at) VALUES ($1, now())`, [row.id]);
      evaluations[state] = row.id;
    }
    server = api.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const attachmentsOf = async (evaluationId: string): Promise<number> => {
    const rows: Array<{ n: number }> = await ds.query(
      'SELECT count(*)::int AS n FROM evidence_attachment WHERE evaluation_id = $1',
      [evaluationId],
    );
    return rows[0].n;
  };

  it('an anonymous 24 MB upload gets 401 problem+json after its first 64 KB: the body is not read first', async () => {
    const upload = partialUpload(port, `/evaluations/${evaluations.ARG}/attachments`, {});
    try {
      const answer = await upload.answer;
      expect(answer.status).toBe(401);
      expect(answer.headers['content-type']).toMatch(PROBLEM);
      expect(answer.body.code).toBe('unauthenticated');
      expect(answer.sentWhenAnswered).toBeLessThanOrEqual(FIRST_CHUNK);
    } finally {
      upload.abort();
    }
  });

  it('a forged token (another header spelling too) gets 401 the same way', async () => {
    const upload = partialUpload(port, `/evaluations/${evaluations.ARG}/attachments`, {
      AUTHORIZATION: 'Bearer not.a.token',
    });
    try {
      expect((await upload.answer).status).toBe(401);
    } finally {
      upload.abort();
    }
  });

  it('a valid token of another state’s user gets 404 before the body is read; a committee expert 403', async () => {
    const brazil = await signedIn(api, ds, { role: 'state_focal_point', stateCode: 'BRA' });
    const upload = partialUpload(port, `/evaluations/${evaluations.ARG}/attachments`, { authorization: brazil.bearer });
    try {
      const answer = await upload.answer;
      expect(answer.status).toBe(404);
      expect(answer.headers['content-type']).toMatch(PROBLEM);
      expect(answer.sentWhenAnswered).toBeLessThanOrEqual(FIRST_CHUNK);
    } finally {
      upload.abort();
    }
    const expert = await signedIn(api, ds, { role: 'committee_expert', stateCode: 'MEX' });
    const byExpert = partialUpload(port, `/evaluations/${evaluations.ARG}/attachments`, {
      authorization: expert.bearer,
    });
    try {
      expect((await byExpert.answer).status).toBe(403);
    } finally {
      byExpert.abort();
    }
    expect(await attachmentsOf(evaluations.ARG)).toBe(0);
  });

  it('caps a user’s uploads in flight: the one beyond ATTACHMENT_MAX_CONCURRENT_UPLOADS gets 429 problem+json at once; once they end, uploads work again', async () => {
    const user = await signedIn(api, ds, { role: 'state_contributor', stateCode: 'ARG' });
    const path = `/evaluations/${evaluations.ARG}/attachments`;
    // Three at once, none finishing: two are admitted and wait for their bytes, the third is refused.
    const uploads = [1, 2, 3].map(() => partialUpload(port, path, { authorization: user.bearer }));
    for (const upload of uploads) upload.answer.catch(() => undefined); // the admitted ones end aborted
    try {
      const answer = await Promise.race(uploads.map((u) => u.answer));
      expect(answer.status).toBe(429);
      expect(answer.headers['content-type']).toMatch(PROBLEM);
      expect(answer.body).toMatchObject({ code: 'too_many_requests', rule: 'concurrent_uploads' });
      expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(answer.sentWhenAnswered).toBeLessThanOrEqual(FIRST_CHUNK);
      // Another user is not held back by this one.
      const other = await signedIn(api, ds, { role: 'state_focal_point', stateCode: 'ARG' });
      await api
        .http()
        .post(path)
        .set('authorization', other.bearer)
        .set('content-type', 'application/octet-stream')
        .send(pdfBytes('other-user'))
        .expect(201);
    } finally {
      for (const upload of uploads) upload.abort();
    }
    await waitFor('the aborted uploads to be released', async () => {
      const res = await api
        .http()
        .post(path)
        .set('authorization', user.bearer)
        .set('content-type', 'application/octet-stream')
        .send(pdfBytes('after-release'));
      return res.status === 201 ? true : undefined;
    });
  });
});
