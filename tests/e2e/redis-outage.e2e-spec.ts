// Fault injection: Redis stopped and restarted. Reads and writes that need no queue
// keep working (the per-user write limit falls back to a per-process counter); sign-in fails
// closed with 503 problem+json + Retry-After (the shared throttle is unavailable, and an
// unthrottled sign-in would allow unlimited password guessing) while open sessions keep working;
// a mail staged during the outage is delivered once Redis is back. The suite runs its own Redis
// (the one it stops), the api and a worker; loopback only.
import type { INestApplicationContext } from '@nestjs/common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '@mesecvi/clock';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import {
  createAccount,
  createSuiteDatabase,
  login,
  MailSink,
  services,
  startTestApi,
  startTestWorker,
  testConfig,
  waitFor,
  type RunningService,
  type Session,
  type SuiteDatabase,
  type TestAccount,
  type TestApi,
} from '../harness';
import { exampleAnswers, openRoundFor } from '../harness/submission-fixtures';

describe('Redis stopped and restarted', () => {
  let db: SuiteDatabase;
  let redisDir: string;
  let redisPort: number;
  let redis: RunningService | undefined;
  let api: TestApi;
  let worker: INestApplicationContext;
  let ds: DataSource;
  let admin: TestAccount;
  let focal: TestAccount;
  let evaluationId: string;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    redisDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesecvi-redis-'));
    redisPort = await services.freePort();
    redis = await services.startRedis({ dir: redisDir, port: redisPort });
    const config = testConfig(db.url, {
      REDIS_URL: redis.url,
      OUTBOX_SWEEP_EVERY_MS: '300',
      MAIL_RETRY_BASE_MS: '200',
      LOGIN_MAX_ATTEMPTS: '1000',
      HEARTBEAT_EVERY_MS: '1000',
    });
    api = await startTestApi(config);
    worker = await startTestWorker(config);
    ds = api.app.get(DataSource);
    admin = await createAccount(ds, { role: 'secretariat' });
    focal = await createAccount(ds, { role: 'state_focal_point', stateCode: 'ARG' });
    const adminBearer = (await login(api, admin.email, admin.password)).bearer;
    const due = new Date((await api.app.get(Clock).now()).getTime() + 60 * 86400_000).toISOString().slice(0, 10);
    const questionnaireVersionId = (await api.app.get(QuestionnaireRegistry).current('evaluation-round')).id;
    evaluationId = (
      await openRoundFor(api, adminBearer, {
        number: 9,
        questionnaireVersionId,
        responseDueDate: due,
        stateCodes: ['ARG'],
      })
    ).evaluations.ARG;
  }, 120_000);
  afterAll(async () => {
    // Redis must be up for the worker and queues to close cleanly.
    if (!redis) redis = await services.startRedis({ dir: redisDir, port: redisPort });
    await worker?.close();
    await api?.close();
    await redis?.stop();
    await db?.drop();
    fs.rmSync(redisDir, { recursive: true, force: true });
  });

  it('keeps reads and queue-free writes working, refuses sign-in with 503 + Retry-After, and delivers the outbox once Redis is back', async () => {
    const fp: Session = await login(api, focal.email, focal.password);
    const secretariat: Session = await login(api, admin.email, admin.password);
    const invitee = `invitee.${randomBytes(4).toString('hex')}@example.test`;
    // The mails staged so far (the round's) go out first: a sweep still draining them when Redis
    // stops would claim the mail staged below and send it during the outage.
    await waitFor(
      'the outbox drained before the outage',
      async () => {
        const [{ unsent }]: Array<{ unsent: number }> = await ds.query(
          `SELECT count(*)::int AS unsent FROM outbox_message WHERE status IN ('pending', 'sending')`,
        );
        return unsent === 0 ? true : undefined;
      },
      30_000,
    );

    await redis?.stop();
    redis = undefined;

    // Reads.
    await api.http().get('/me').set('authorization', fp.bearer).expect(200);
    const draft = await api
      .http()
      .get(`/evaluations/${evaluationId}/draft`)
      .set('authorization', fp.bearer)
      .expect(200);
    // Writes that need no queue (the per-user write limit counts in-process meanwhile).
    const item = exampleAnswers('valid-argentina-complete')['LEG-01'];
    const saved = await api
      .http()
      .patch(`/evaluations/${evaluationId}/draft`)
      .set('authorization', fp.bearer)
      .set('if-match', draft.headers.etag)
      .set('content-type', 'application/merge-patch+json')
      .send(JSON.stringify({ 'LEG-01': item }));
    expect(saved.status).toBe(200);
    await api.http().patch('/me').set('authorization', fp.bearer).send({ preferredLanguage: 'pt' }).expect(200);
    // A write that stages a mail: committed now, sent later (the wake-up is lost or delayed).
    const invited = await api
      .http()
      .post('/accounts/invitations')
      .set('authorization', secretariat.bearer)
      .send({ email: invitee, name: 'Invitee', role: 'state_contributor', stateCode: 'ARG' });
    expect(invited.status).toBe(201);
    // Refreshing a session needs no Redis either.
    const refreshed = await api.http().post('/auth/refresh').send({ refreshToken: fp.refreshToken }).expect(200);
    await api.http().get('/me').set('authorization', `Bearer ${refreshed.body.accessToken}`).expect(200);

    // Sign-in fails closed.
    const signIn = await api.http().post('/auth/login').send({ email: focal.email, password: focal.password });
    expect(signIn.status).toBe(503);
    expect(signIn.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(signIn.body.code).toBe('service_unavailable');
    expect(Number(signIn.headers['retry-after'])).toBeGreaterThan(0);
    // Readiness says so.
    const ready = await api.http().get('/ready');
    expect(ready.status).toBe(503);

    const [row]: Array<{ status: string }> = await ds.query(
      `SELECT status FROM outbox_message WHERE recipient_address = $1`,
      [invitee],
    );
    expect(row.status).not.toBe('sent');

    redis = await services.startRedis({ dir: redisDir, port: redisPort });

    const [mail] = await new MailSink().waitForMailTo(invitee, 1, 60_000);
    expect(mail.to[0].address).toBe(invitee);
    await waitFor(
      'the outbox row to be sent',
      async () => {
        const rows: Array<{ status: string }> = await ds.query(
          `SELECT status FROM outbox_message WHERE recipient_address = $1`,
          [invitee],
        );
        return rows[0]?.status === 'sent' ? true : undefined;
      },
      30_000,
      200,
    );
    // Sign-in works again (the client reconnects by itself), and so does readiness.
    await waitFor(
      'sign-in to work again',
      async () =>
        (await api.http().post('/auth/login').send({ email: focal.email, password: focal.password })).status === 200
          ? true
          : undefined,
      30_000,
      200,
    );
    await waitFor(
      'readiness',
      async () => ((await api.http().get('/ready')).status === 200 ? true : undefined),
      30_000,
      200,
    );
  }, 180_000);
});
