// Password reset requests are limited per target address and per client, in Redis; the answer
// stays the same 202 whether the account exists or the request was limited.
import { DataSource } from 'typeorm';
import {
  createAccount,
  createSuiteDatabase,
  startTestApi,
  testConfig,
  type SuiteDatabase,
  type TestApi,
} from '../harness';

const ANSWER = { message: 'If an account exists for this address, a link has been sent to it.' };

describe('password reset limits', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let second: TestApi;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    // The test client connects from loopback and plays the proxy naming each client.
    const config = testConfig(db.url, {
      PASSWORD_RESET_MAX_PER_EMAIL: '3',
      PASSWORD_RESET_MAX_PER_CLIENT: '10',
      PASSWORD_RESET_WINDOW_SECONDS: '3600',
      TRUSTED_PROXIES: '127.0.0.1/32, ::1/128, ::ffff:127.0.0.1/128',
    });
    api = await startTestApi(config);
    second = await startTestApi(config); // the counters are shared through Redis
    ds = api.app.get(DataSource);
  });
  afterAll(async () => {
    await second?.close();
    await api?.close();
    await db?.drop();
  });

  const mailsTo = async (userId: string): Promise<number> => {
    const rows: Array<{ n: number }> = await ds.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE kind = 'password_reset' AND recipient_user_id = $1`,
      [userId],
    );
    return rows[0].n;
  };
  const auditsOf = async (userId: string): Promise<number> => {
    const rows: Array<{ n: number }> = await ds.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'account.password_reset_requested' AND entity_id = $1`,
      [userId],
    );
    return rows[0].n;
  };

  it('twenty requests for one address (from many clients, through two instances) queue PASSWORD_RESET_MAX_PER_EMAIL mails; every answer is the same 202', async () => {
    const user = await createAccount(ds, { role: 'state_focal_point', stateCode: 'BRA' });
    for (let i = 1; i <= 20; i++) {
      const res = await [api, second][i % 2]
        .http()
        .post('/auth/password-reset')
        .set('x-forwarded-for', `203.0.113.${i}`)
        .send({ email: user.email });
      expect({ status: res.status, body: res.body }).toEqual({ status: 202, body: ANSWER });
    }
    expect(await mailsTo(user.id)).toBe(3);
    expect(await auditsOf(user.id)).toBe(3);
  });

  it('other spellings of the same address (case, spaces) count against the same limit', async () => {
    const user = await createAccount(ds, { role: 'state_contributor', stateCode: 'ARG' });
    const spellings = [user.email, user.email.toUpperCase(), ` ${user.email} `, `\t${user.email.toUpperCase()}`];
    for (let i = 0; i < 8; i++) {
      await api
        .http()
        .post('/auth/password-reset')
        .set('x-forwarded-for', `198.51.100.${i}`)
        .send({ email: spellings[i % spellings.length] })
        .expect(202, ANSWER);
    }
    expect(await mailsTo(user.id)).toBe(3);
  });

  it('one client asking for many accounts is limited to PASSWORD_RESET_MAX_PER_CLIENT requests (known or unknown addresses alike); another client is not', async () => {
    const client = { 'x-forwarded-for': '192.0.2.77' };
    for (let i = 0; i < 6; i++)
      await api
        .http()
        .post('/auth/password-reset')
        .set(client)
        .send({ email: `nobody-${i}@example.test` })
        .expect(202, ANSWER);
    const users = await Promise.all(
      Array.from({ length: 8 }, () => createAccount(ds, { role: 'state_contributor', stateCode: 'CHL' })),
    );
    for (const user of users)
      await api.http().post('/auth/password-reset').set(client).send({ email: user.email }).expect(202, ANSWER);
    const sent = await Promise.all(users.map((u) => mailsTo(u.id)));
    expect(sent).toEqual([1, 1, 1, 1, 0, 0, 0, 0]);

    // Another client (IPv6) still gets its mail for an account the limited client could not reach.
    await api
      .http()
      .post('/auth/password-reset')
      .set('x-forwarded-for', '2001:db8::77')
      .send({ email: users[7].email })
      .expect(202, ANSWER);
    expect(await mailsTo(users[7].id)).toBe(1);
  });
});
