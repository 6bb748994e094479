// Fault injection: PostgreSQL stopped and restarted under a write load (draft saves and
// submissions). During the outage every request gets 503 problem+json with Retry-After, never a
// 500; the same api process recovers once PostgreSQL is back; no submission is half-written.
// The suite runs its own PostgreSQL cluster (the one it stops); loopback only.
import { DataSource } from 'typeorm';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { createAccount, login, sleep, startTestApi, testConfig, waitFor, type TestApi } from '../harness';
import {
  seedSubmittable,
  startOwnPostgres,
  submissionConsistency,
  type OwnPostgres,
  type Submittable,
} from '../faults/fault-fixtures';

const EVALUATIONS = 40;
const WRITERS = 4;

interface Answer {
  what: 'save' | 'submit' | 'read-draft';
  sentAt: number;
  doneAt: number;
  status: number;
  contentType: string;
  retryAfter: string | undefined;
  code: string | undefined;
}

describe('PostgreSQL stopped and restarted during a write load', () => {
  let pg: OwnPostgres;
  let api: TestApi;
  let items: Submittable[];
  let admin: string;

  beforeAll(async () => {
    pg = await startOwnPostgres();
    api = await startTestApi(testConfig(pg.url, { DB_POOL_SIZE: '5', LOGIN_MAX_ATTEMPTS: '1000' }));
    const ds = api.app.get(DataSource);
    const secretariat = await createAccount(ds, { role: 'secretariat' });
    admin = (await login(api, secretariat.email, secretariat.password)).bearer;
    items = await seedSubmittable(
      pg.url,
      (await api.app.get(QuestionnaireRegistry).current('evaluation-round')).id,
      EVALUATIONS,
    );
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await pg?.destroy();
  });

  it('answers 503 problem+json with Retry-After during the outage, recovers without a restart, and leaves no partial submission', async () => {
    const answers: Answer[] = [];
    const acked = new Map<string, { id: string; sha256: string }>();
    const conflicts = new Set<string>();
    const queue = [...items];
    let running = true;

    const call = async (
      what: Answer['what'],
      req: () => Promise<{ status: number; headers: Record<string, string>; body: { code?: string } }>,
    ) => {
      const sentAt = Date.now();
      const res = await req();
      answers.push({
        what,
        sentAt,
        doneAt: Date.now(),
        status: res.status,
        contentType: res.headers['content-type'] ?? '',
        retryAfter: res.headers['retry-after'],
        code: res.body?.code,
      });
      return res;
    };
    // Each writer: read the draft, save it back with its ETag, submit; on a 503 the evaluation goes back in the queue.
    const writer = async (): Promise<void> => {
      while (running) {
        const item = queue.shift();
        if (!item) {
          await sleep(50);
          continue;
        }
        const path = `/evaluations/${item.evaluationId}`;
        const draft = await call('read-draft', () =>
          api.http().get(`${path}/draft`).set('authorization', admin).timeout(30_000),
        );
        if (draft.status === 200) {
          await call('save', () =>
            api
              .http()
              .put(`${path}/draft`)
              .set('authorization', admin)
              .set('if-match', draft.headers.etag)
              .set('content-type', 'application/json')
              .send(item.body)
              .timeout(30_000),
          );
        }
        const submit = await call('submit', () =>
          api
            .http()
            .post(`${path}/submissions`)
            .set('authorization', admin)
            .send({ onBehalf: { channel: 'email', reference: `fault ${item.stateCode}` } })
            .timeout(30_000),
        );
        if (submit.status === 201)
          acked.set(item.evaluationId, {
            id: (submit.body as { id: string }).id,
            sha256: (submit.body as { sha256: string }).sha256,
          });
        else if (submit.status === 409) conflicts.add(item.evaluationId);
        else queue.push(item);
        await sleep(20);
      }
    };
    const writers = Array.from({ length: WRITERS }, () => writer());
    try {
      await waitFor(
        'a few submissions before the outage',
        async () => (acked.size >= 3 ? true : undefined),
        60_000,
        50,
      );
      await pg.stop();
      const down = Date.now();
      // The outage lasts until enough requests met it (and at least two seconds).
      await waitFor(
        'requests during the outage',
        async () =>
          Date.now() - down > 2000 && answers.filter((a) => a.sentAt > down).length >= 12 ? true : undefined,
        60_000,
        100,
      );
      const ready = await api.http().get('/ready');
      const upAgainFrom = Date.now();
      await pg.start();
      await waitFor(
        'every evaluation submitted after the restart',
        async () => (acked.size + conflicts.size >= EVALUATIONS ? true : undefined),
        120_000,
        200,
      );
      running = false;
      await Promise.all(writers);

      expect(ready.status).toBe(503);
      const during = answers.filter((a) => a.sentAt > down && a.doneAt < upAgainFrom);
      expect(during.length).toBeGreaterThanOrEqual(12);
      for (const a of during) {
        expect({ what: a.what, status: a.status, code: a.code, retryAfter: a.retryAfter }).toEqual({
          what: a.what,
          status: 503,
          code: 'service_unavailable',
          retryAfter: '5',
        });
        expect(a.contentType).toMatch(/^application\/problem\+json/);
      }
      // Never a 500 (nor any 5xx but 503), before, during or after.
      expect(answers.filter((a) => a.status >= 500 && a.status !== 503)).toEqual([]);
      // Recovered in the same process: answers after the restart include successes of every kind.
      const after = answers.filter((a) => a.sentAt > upAgainFrom && a.status < 300);
      expect(new Set(after.map((a) => a.what))).toEqual(new Set(['read-draft', 'save', 'submit']));
    } finally {
      running = false;
      await Promise.all(writers);
    }

    // No partial submission: each evaluation is either fully submitted or untouched, and every
    // acknowledged submission is the stored one with a hash that recomputes.
    const { states, problems } = await submissionConsistency(
      pg.url,
      items.map((i) => i.evaluationId),
    );
    expect(problems).toEqual([]);
    expect([...states.values()].filter((s) => s.status !== 'submitted').map((s) => s.id)).toEqual([]);
    for (const [evaluationId, ack] of acked) {
      const s = states.get(evaluationId);
      expect({ evaluationId, id: s?.submissionId, sha256: s?.sha256 }).toEqual({ evaluationId, ...ack });
    }
    console.log(
      `PostgreSQL outage: ${answers.length} requests, ${answers.filter((a) => a.status === 503).length} answered 503, ${acked.size} submissions acknowledged, ${conflicts.size} found already submitted on retry`,
    );
  }, 240_000);
});
