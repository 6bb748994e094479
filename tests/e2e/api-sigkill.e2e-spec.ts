// Fault injection: the api process SIGKILLed in the middle of 1,000 concurrent submits.
// Every acknowledged (2xx) submission exists and its hash verifies; no evaluation is half-written
// (status, submission row, response deadline and audit row agree); and after a restart every
// unacknowledged submit either went through (a retry answers 409: it had committed, its answer
// was lost with the process) or can be made again (201). The api runs as a child process of the
// suite's own (the one it kills), on the suite's database; loopback only.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { QuestionnaireRegistry, canonicalJson } from '@mesecvi/questionnaires';
import { verifySubmissions } from '@mesecvi/submissions';
import {
  createAccount,
  createSuiteDatabase,
  login,
  services,
  sleep,
  startTestApi,
  testConfig,
  testEnv,
  waitFor,
  type SuiteDatabase,
  type TestApi,
} from '../harness';
import { seedSubmittable, submissionConsistency, type Submittable } from '../faults/fault-fixtures';

const root = path.join(__dirname, '..', '..');
const SUBMITS = Number(process.env.SIGKILL_SUBMITS ?? 1000);
/** Kill once this many submits were acknowledged (well before all are). */
const KILL_AFTER = Math.floor(SUBMITS / 5);

interface Outcome {
  status?: number;
  body?: { id?: string; sha256?: string; code?: string };
  error?: string;
}

/** A POST with a keep-alive-less socket of its own, so 1,000 really are in flight together. */
function post(port: number, urlPath: string, bearer: string, body: string, timeoutMs = 180_000): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: urlPath,
        method: 'POST',
        agent: false,
        headers: {
          authorization: bearer,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: Outcome['body'];
          try {
            parsed = JSON.parse(text) as Outcome['body'];
          } catch {
            parsed = undefined;
          }
          resolve({ status: res.statusCode, body: parsed });
        });
        res.on('error', (e) => resolve({ error: e.message }));
      },
    );
    req.on('error', (e) => resolve({ error: e.message }));
    req.on('timeout', () => req.destroy(new Error('client timeout')));
    req.end(body);
  });
}

describe('the api SIGKILLed during 1,000 concurrent submits', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let items: Submittable[];
  let warmUp: Submittable;
  let bearer: string;
  let child: ChildProcess | undefined;
  let port: number;
  let output = '';

  const startChild = async (): Promise<ChildProcess> => {
    const before = output.length;
    const env = {
      ...process.env,
      APP_MODE: 'test',
      DATABASE_URL: db.url,
      REDIS_URL: testEnv().redisUrl,
      SMTP_URL: testEnv().smtpUrl,
      QUEUE_PREFIX: `k${Date.now().toString(36)}`,
      // The same secret as the in-process api, so its session works here too.
      JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
      MIGRATIONS_RUN: 'false',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DB_POOL_SIZE: '10',
      // One account submits everything: the per-user write limit is not under test here.
      WRITE_RATE_LIMIT_POINTS: '0',
      DIGEST_ENABLED: 'false',
    };
    const c = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (d: Buffer) => {
      output = (output + d.toString()).slice(-20_000);
    };
    c.stdout?.on('data', keep);
    c.stderr?.on('data', keep);
    await waitFor(
      'the api to listen',
      async () => {
        if (c.exitCode !== null) throw new Error(`the api exited: ${output.slice(before)}`);
        const ok = await new Promise<boolean>((resolve) => {
          http
            .get({ host: '127.0.0.1', port, path: '/health', agent: false }, (res) => {
              res.resume();
              resolve(res.statusCode === 200);
            })
            .on('error', () => resolve(false));
        });
        return ok ? true : undefined;
      },
      60_000,
      200,
    );
    return c;
  };
  const kill = async (c: ChildProcess): Promise<void> => {
    if (c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((resolve) => c.once('exit', resolve));
    c.kill('SIGKILL');
    await exited;
  };

  beforeAll(async () => {
    db = await createSuiteDatabase();
    // In-process, for the session and the queries; the child process takes the load.
    api = await startTestApi(testConfig(db.url, { LOGIN_MAX_ATTEMPTS: '1000' }));
    ds = api.app.get(DataSource);
    const secretariat = await createAccount(ds, { role: 'secretariat' });
    bearer = (await login(api, secretariat.email, secretariat.password)).bearer;
    items = await seedSubmittable(
      db.url,
      (await api.app.get(QuestionnaireRegistry).current('evaluation-round')).id,
      SUBMITS + 1,
    );
    warmUp = items.pop() as Submittable;
    port = await services.freePort();
  }, 180_000);
  afterAll(async () => {
    if (child) await kill(child);
    await api?.close();
    await db?.drop();
  });

  it('keeps every acknowledged submission, with a hash that verifies, and none half-written', async () => {
    child = await startChild();
    const body = JSON.stringify({ onBehalf: { channel: 'diplomatic_note', reference: 'Note 17/2026' } });
    const outcomes = new Map<string, Outcome>();
    let acknowledged = 0;
    let shed = 0;
    let killed = false;
    // A warm-up submit: the child compiles its TypeScript on first use.
    expect((await post(port, `/evaluations/${warmUp.evaluationId}/submissions`, bearer, body)).status).toBe(201);
    // 1,000 clients at once. An overloaded api sheds load with 503 + Retry-After (a request that
    // waited 5 s for a database connection); such a client tries again after a short pause (shorter
    // than Retry-After, to keep the test short) until it gets an answer or the process is gone.
    const submit = async (evaluationId: string): Promise<Outcome> => {
      for (;;) {
        const outcome = await post(port, `/evaluations/${evaluationId}/submissions`, bearer, body);
        if (outcome.status !== 503 || killed) return outcome;
        shed++;
        await sleep(200 + Math.random() * 800);
      }
    };
    const all = Promise.all(
      items.map(async (item) => {
        const outcome = await submit(item.evaluationId);
        outcomes.set(item.evaluationId, outcome);
        if (outcome.status !== undefined && outcome.status < 300) acknowledged++;
      }),
    );
    const giveUp = Date.now() + 180_000;
    while (acknowledged < KILL_AFTER) {
      if (outcomes.size === items.length || Date.now() > giveUp) {
        throw new Error(
          `${acknowledged} of ${KILL_AFTER} acknowledged, ${outcomes.size} answered: ${JSON.stringify([...outcomes.values()].slice(0, 2))}\n${output.slice(-3000)}`,
        );
      }
      await sleep(20);
    }
    killed = true;
    await kill(child);
    child = undefined;
    await all;

    const acked = [...outcomes.entries()].filter(([, o]) => o.status !== undefined && o.status < 300);
    const lost = [...outcomes.entries()].filter(([, o]) => o.status === undefined);
    const other = [...outcomes.entries()].filter(([, o]) => o.status !== undefined && o.status >= 300);
    // Before the kill every final answer was a 201 (503s were retried); after it, the rest got no answer at all.
    expect(other.map(([id, o]) => `${id}: ${o.status} ${JSON.stringify(o.body)}`)).toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(lost.length).toBeGreaterThan(0);

    // Right after the kill, before anything else touches the database.
    const ids = items.map((i) => i.evaluationId);
    const first = await submissionConsistency(db.url, ids);
    expect(first.problems).toEqual([]);
    for (const [evaluationId, o] of acked) {
      const s = first.states.get(evaluationId);
      expect({ evaluationId, status: s?.status, id: s?.submissionId, sha256: s?.sha256 }).toEqual({
        evaluationId,
        status: 'submitted',
        id: o.body?.id,
        sha256: o.body?.sha256,
      });
      // The stored text is the canonical form of the draft that was submitted.
      const draft = items.find((i) => i.evaluationId === evaluationId) as Submittable;
      expect(s?.canonical).toBe(canonicalJson(JSON.parse(draft.body)));
    }
    const committedUnacknowledged = lost.filter(([id]) => first.states.get(id)?.status === 'submitted').length;

    // A restarted api finishes the job: each unanswered submit is a 201 now, or a 409 if it had committed.
    child = await startChild();
    killed = false;
    const retries = await Promise.all(lost.map(async ([id]) => ({ id, o: await submit(id) })));
    const retryStatus = (id: string): number | undefined => retries.find((r) => r.id === id)?.o.status;
    for (const [id] of lost) {
      const expected = first.states.get(id)?.status === 'submitted' ? 409 : 201;
      expect({ id, status: retryStatus(id) }).toEqual({ id, status: expected });
    }
    const final = await submissionConsistency(db.url, ids);
    expect(final.problems).toEqual([]);
    expect([...final.states.values()].filter((s) => s.status !== 'submitted')).toEqual([]);
    const integrity = await verifySubmissions(ds);
    expect(integrity.problems).toEqual([]);
    expect(integrity.checked).toBeGreaterThanOrEqual(SUBMITS);
    console.log(
      `SIGKILL during ${SUBMITS} concurrent submits: ${acked.length} acknowledged before the kill, ${lost.length} unanswered (${committedUnacknowledged} of them had committed), ${shed} attempts shed with 503 before the kill, 0 half-written`,
    );
  }, 420_000);
});
