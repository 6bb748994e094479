// Sign-in throttling against a caller who chooses the address headers: forwarded headers count
// only from configured proxies, each account has its own counter whatever the address (a growing
// delay, never a lock), and the per-address limit counts distinct accounts.
import { DataSource } from 'typeorm';
import {
  createAccount,
  createSuiteDatabase,
  startTestApi,
  testConfig,
  waitFor,
  type SuiteDatabase,
  type TestAccount,
  type TestApi,
} from '../harness';

const PROBLEM = /^application\/problem\+json/;

const attempt = (api: TestApi, email: string, password: string, headers: Record<string, string> = {}) => {
  let call = api.http().post('/auth/login');
  for (const [name, value] of Object.entries(headers)) call = call.set(name, value);
  return call.send({ email, password });
};

describe('sign-in throttle without trusted proxies (the default)', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url, { LOGIN_MAX_ATTEMPTS: '5', LOGIN_WINDOW_SECONDS: '900' }));
    ds = api.app.get(DataSource);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  /** Twenty wrong passwords, each "from" another address as the headers claim; the statuses seen. */
  const spray = async (user: TestAccount, headersOf: (i: number) => Record<string, string>): Promise<number[]> => {
    const statuses: number[] = [];
    for (let i = 1; i <= 20; i++) statuses.push((await attempt(api, user.email, `wrong-${i}`, headersOf(i))).status);
    return statuses;
  };

  it('a new X-Forwarded-For per attempt does not escape the per-account limit: 429 problem+json with Retry-After, even for the right password', async () => {
    const user = await createAccount(ds, { role: 'state_focal_point', stateCode: 'BRA' });
    const statuses = await spray(user, (i) => ({ 'x-forwarded-for': `203.0.113.${i}` }));
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual(Array(15).fill(429));
    const right = await attempt(api, user.email, user.password, { 'x-forwarded-for': '203.0.113.99' });
    expect(right.status).toBe(429);
    expect(right.headers['content-type']).toMatch(PROBLEM);
    expect(right.body).toMatchObject({ code: 'too_many_requests', rule: 'login_throttle' });
    expect(Number(right.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it.each<[string, (i: number) => Record<string, string>]>([
    ['mixed-case X-Forwarded-For', (i) => ({ 'X-FORWARDED-FOR': `203.0.113.${i}` })],
    ['several hops', (i) => ({ 'x-forwarded-for': `203.0.113.${i}, 198.51.100.${i}, 10.0.0.${i}` })],
    ['IPv6 X-Forwarded-For', (i) => ({ 'X-Forwarded-For': `2001:db8::${i.toString(16)}` })],
    ['the Forwarded header', (i) => ({ Forwarded: `for=203.0.113.${i};proto=https` })],
    ['Forwarded with IPv6', (i) => ({ forwarded: `for="[2001:db8::${i.toString(16)}]:4711"` })],
    ['X-Real-IP', (i) => ({ 'x-real-ip': `203.0.113.${i}` })],
  ])('%s per attempt does not escape the per-account limit either', async (_name, headersOf) => {
    const user = await createAccount(ds, { role: 'state_contributor', stateCode: 'BRA' });
    const statuses = await spray(user, headersOf);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.slice(5)).toEqual(Array(15).fill(429));
    await attempt(api, user.email, user.password, headersOf(42)).expect(429);
  });

  it('twenty attempts sent at once get no more than LOGIN_MAX_ATTEMPTS past the throttle', async () => {
    const user = await createAccount(ds, { role: 'state_contributor', stateCode: 'ECU' });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        attempt(api, user.email, `burst-${i}`, { 'x-forwarded-for': `203.0.113.${i + 1}` }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
  });

  it('the delay grows with each failure after the limit, and the right password gets in once it has passed (a delay, not a lock)', async () => {
    const user = await createAccount(ds, { role: 'state_contributor', stateCode: 'URY' });
    for (let i = 0; i < 5; i++) await attempt(api, user.email, `wrong-${i}`).expect(401);
    const delays: number[] = [];
    for (let round = 0; round < 2; round++) {
      const blocked = await attempt(api, user.email, 'wrong-again').expect(429);
      delays.push(Number(blocked.headers['retry-after']));
      // Refused attempts do not count; once the delay is over the next failure counts and doubles it.
      await waitFor(
        'the delay to pass',
        async () => ((await attempt(api, user.email, 'still-wrong')).status === 401 ? true : undefined),
        10000,
        200,
      );
    }
    const third = await attempt(api, user.email, user.password).expect(429);
    delays.push(Number(third.headers['retry-after']));
    expect(delays[0]).toBeGreaterThanOrEqual(1);
    expect(delays[1]).toBeGreaterThan(delays[0]);
    expect(delays[2]).toBeGreaterThan(delays[1]);
    expect(delays[2]).toBeLessThanOrEqual(60);
  });

  it('five failures "from" a victim’s address do not lock her out: she signs in once a short delay has passed', async () => {
    const victim = await createAccount(ds, { role: 'state_focal_point', stateCode: 'PER' });
    const hers = { 'x-forwarded-for': '198.51.100.23' };
    for (let i = 0; i < 5; i++) await attempt(api, victim.email, `attacker-${i}`, hers).expect(401);
    const started = Date.now();
    await waitFor(
      'the victim signed in',
      async () => ((await attempt(api, victim.email, victim.password, hers)).status === 200 ? true : undefined),
      5000,
      200,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('/ready says forwarded headers arrive but are ignored (no trusted proxy configured)', async () => {
    const fresh = await startTestApi(testConfig(db.url));
    try {
      const before = await fresh.http().get('/ready').expect(200);
      expect(before.body.proxy).toEqual({ trustedProxies: 'none', forwardedHeadersIgnored: false });
      await fresh.http().get('/health').set('X-Forwarded-For', '203.0.113.7').expect(200);
      const after = await fresh.http().get('/ready').expect(200);
      expect(after.body.proxy).toMatchObject({ trustedProxies: 'none', forwardedHeadersIgnored: true });
      expect(after.body.proxy.warning).toMatch(/TRUSTED_PROXIES/);
    } finally {
      await fresh.close();
    }
  });
});

describe('sign-in throttle behind a trusted proxy', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    // The test client connects from loopback: it plays the proxy that sets X-Forwarded-For.
    api = await startTestApi(
      testConfig(db.url, {
        LOGIN_MAX_ATTEMPTS: '5',
        LOGIN_WINDOW_SECONDS: '900',
        TRUSTED_PROXIES: '127.0.0.1/32, ::1/128, ::ffff:127.0.0.1/128',
      }),
    );
    ds = api.app.get(DataSource);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('one ministry’s NAT where thirty people mistype twice each is never locked out', async () => {
    const nat = { 'x-forwarded-for': '192.0.2.10' };
    for (let i = 0; i < 30; i++) {
      const person = await createAccount(ds, { role: 'state_contributor', stateCode: 'COL' });
      await attempt(api, person.email, 'typo-1', nat).expect(401);
      await attempt(api, person.email, 'typo-2', nat).expect(401);
    }
    const colleague = await createAccount(ds, { role: 'state_focal_point', stateCode: 'COL' });
    await attempt(api, colleague.email, colleague.password, nat).expect(200);
    const ready = await api.http().get('/ready').expect(200);
    expect(ready.body.proxy).toEqual({ trustedProxies: '127.0.0.1/32, ::1/128, ::ffff:127.0.0.1/128' });
  });

  it('spraying many accounts from one address is refused there (rule login_address_throttle), not from another address; an address the client adds in front counts for nothing', async () => {
    const sprayer = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i}, 192.0.2.66` });
    for (let i = 0; i < 50; i++) await attempt(api, `nobody-${i}@example.test`, 'guess', sprayer(i)).expect(401);
    const user = await createAccount(ds, { role: 'state_contributor', stateCode: 'COL' });
    const refused = await attempt(api, user.email, user.password, sprayer(99)).expect(429);
    expect(refused.headers['content-type']).toMatch(PROBLEM);
    expect(refused.body).toMatchObject({ code: 'too_many_requests', rule: 'login_address_throttle' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // IPv6 client addresses are told apart the same way.
    await attempt(api, user.email, user.password, { 'x-forwarded-for': '2001:db8::66' }).expect(200);
  });
});
