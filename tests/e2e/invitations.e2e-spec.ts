import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ClockService } from '@mesecvi/clock';
import {
  createAccount,
  createSuiteDatabase,
  login,
  MailSink,
  startTestApi,
  startTestWorker,
  testConfig,
  type ReceivedMail,
  type SuiteDatabase,
  type TestApi,
} from '../harness';

const unique = (): string => randomBytes(4).toString('hex');

function linkPath(mail: ReceivedMail, kind: 'invitation' | 'password-reset'): string {
  const match = new RegExp(`http://localhost:3000(/account/${kind}/[A-Za-z0-9_-]+)`).exec(mail.text ?? '');
  if (!match) throw new Error(`no ${kind} link in: ${mail.text}`);
  return match[1];
}

/** Opens the page like a browser: keeps the CSRF cookie and reads the hidden token. */
async function openForm(api: TestApi, path: string): Promise<{ cookie: string; csrf: string; html: string }> {
  const res = await api.http().get(path).expect(200);
  const cookie = String(res.headers['set-cookie'] ?? '').split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(res.text)?.[1] ?? '';
  return { cookie, csrf, html: res.text };
}

describe('invitations and password resets: mails, pages, CSRF, single use, expiry', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let ds: DataSource;
  let admin: string;
  const sink = new MailSink();

  beforeAll(async () => {
    db = await createSuiteDatabase();
    const config = testConfig(db.url, { INVITATION_TTL_HOURS: '48', PASSWORD_RESET_TTL_MINUTES: '30' });
    api = await startTestApi(config);
    worker = await startTestWorker(config);
    ds = api.app.get(DataSource);
    const secretariat = await createAccount(ds, { role: 'secretariat' });
    admin = (await login(api, secretariat.email, secretariat.password)).bearer;
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await db?.drop();
  });

  it('invites a focal point in the state’s language; the page sets the password once; the person signs in', async () => {
    const email = `fp.hti.${unique()}@example.test`;
    const invited = await api
      .http()
      .post('/accounts/invitations')
      .set('authorization', admin)
      .send({ email, name: 'Marie-Claire Joseph', role: 'state_focal_point', stateCode: 'HTI' })
      .expect(201);
    expect(invited.body).toMatchObject({
      email,
      role: 'state_focal_point',
      stateCode: 'HTI',
      status: 'invited',
      language: 'fr',
    });

    const [mail] = await sink.waitForMailTo(email);
    expect(mail.subject).toMatch(/MESECVI/);
    expect(mail.text).toContain('Haïti');
    const path = linkPath(mail, 'invitation');

    const form = await openForm(api, path);
    expect(form.html).toContain('<html lang="fr">');
    expect(form.html).toContain('Activez votre compte');
    expect(form.html).not.toContain('<script');
    expect(form.cookie).toMatch(/^mesecvi_csrf=/);

    // No CSRF token, or a token without its cookie: refused, nothing changes.
    await api
      .http()
      .post(path)
      .type('form')
      .send({ password: 'un mot de passe solide', confirmation: 'un mot de passe solide' })
      .set('cookie', form.cookie)
      .expect(403);
    await api
      .http()
      .post(path)
      .type('form')
      .send({ password: 'un mot de passe solide', confirmation: 'un mot de passe solide', _csrf: form.csrf })
      .expect(403);
    // Passwords that differ: the form comes back with the reason, in French.
    const mismatch = await api
      .http()
      .post(path)
      .type('form')
      .set('cookie', form.cookie)
      .send({ password: 'un mot de passe solide', confirmation: 'autre chose encore', _csrf: form.csrf })
      .expect(422);
    expect(mismatch.text).toContain('Les deux mots de passe ne correspondent pas.');

    const done = await api
      .http()
      .post(path)
      .type('form')
      .set('cookie', form.cookie)
      .send({ password: 'un mot de passe solide', confirmation: 'un mot de passe solide', _csrf: form.csrf })
      .expect(200);
    expect(done.text).toContain('Votre compte est actif');
    // Single use.
    await api.http().get(path).expect(410);
    await api
      .http()
      .post(path)
      .type('form')
      .set('cookie', form.cookie)
      .send({ password: 'another good password', confirmation: 'another good password', _csrf: form.csrf })
      .expect(410);

    const session = await login(api, email, 'un mot de passe solide');
    const me = await api.http().get('/me').set('authorization', session.bearer).expect(200);
    expect(me.body).toMatchObject({ status: 'active', role: 'state_focal_point' });
    const audit: Array<{ action: string }> = await ds.query(
      `SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`,
      [invited.body.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['account.invited', 'account.activated', 'session.started']);
  });

  it('refuses a second focal point for a state unless the request names the one it replaces, who becomes a contributor', async () => {
    const current = await createAccount(ds, { role: 'state_focal_point', stateCode: 'PER' });
    const body = {
      email: `fp2.per.${unique()}@example.test`,
      name: 'Nueva Punto Focal',
      role: 'state_focal_point',
      stateCode: 'PER',
    };
    const refused = await api.http().post('/accounts/invitations').set('authorization', admin).send(body).expect(409);
    expect(refused.body).toMatchObject({ code: 'conflict', currentFocalPointId: current.id });
    expect(await ds.query(`SELECT count(*)::int AS n FROM user_account WHERE email = $1`, [body.email])).toEqual([
      { n: 0 },
    ]);

    await api
      .http()
      .post('/accounts/invitations')
      .set('authorization', admin)
      .send({ ...body, replacesUserId: current.id })
      .expect(201);
    const roles: Array<{ email: string; role: string }> = await ds.query(
      `SELECT email, role FROM user_account WHERE state_code = 'PER' ORDER BY role`,
    );
    expect(roles).toEqual([
      { email: current.email, role: 'state_contributor' },
      { email: body.email, role: 'state_focal_point' },
    ]);
  });

  it('lets the database refuse two focal points even if two invitations race', async () => {
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        api
          .http()
          .post('/accounts/invitations')
          .set('authorization', admin)
          .send({
            email: `race${n}.${unique()}@example.test`,
            name: `Race ${n}`,
            role: 'state_focal_point',
            stateCode: 'URY',
          }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
  });

  it('expires invitation links', async () => {
    const email = `late.${unique()}@example.test`;
    await api
      .http()
      .post('/accounts/invitations')
      .set('authorization', admin)
      .send({ email, name: 'Late Person', role: 'state_contributor', stateCode: 'JAM' })
      .expect(201);
    const path = linkPath((await sink.waitForMailTo(email))[0], 'invitation');
    await api.http().get(path).expect(200);
    const clock = api.app.get(ClockService);
    await clock.advance(49 * 3600_000);
    try {
      const gone = await api.http().get(path).expect(410);
      expect(gone.text).toContain('This link cannot be used');
    } finally {
      await clock.advance(-49 * 3600_000);
    }
  });

  it('answers a reset request identically for known and unknown addresses; the link resets once and ends other sessions', async () => {
    const user = await createAccount(ds, { role: 'state_contributor', stateCode: 'BRA', language: 'pt' });
    const old = await login(api, user.email, user.password);
    const known = await api.http().post('/auth/password-reset').send({ email: user.email }).expect(202);
    const unknown = await api
      .http()
      .post('/auth/password-reset')
      .send({ email: `nobody.${unique()}@example.test` })
      .expect(202);
    expect(unknown.body).toEqual(known.body);

    const [mail] = await sink.waitForMailTo(user.email);
    const path = linkPath(mail, 'password-reset');
    const form = await openForm(api, path);
    expect(form.html).toContain('<html lang="pt">');
    await api
      .http()
      .post(path)
      .type('form')
      .set('cookie', form.cookie)
      .send({ password: 'short', confirmation: 'short', _csrf: form.csrf })
      .expect(422);
    const fresh = await openForm(api, path);
    await api
      .http()
      .post(path)
      .type('form')
      .set('cookie', fresh.cookie)
      .send({ password: 'uma senha nova e longa', confirmation: 'uma senha nova e longa', _csrf: fresh.csrf })
      .expect(200);
    await api.http().get(path).expect(410);

    await api.http().get('/me').set('authorization', old.bearer).expect(401);
    await api.http().post('/auth/login').send({ email: user.email, password: user.password }).expect(401);
    await login(api, user.email, 'uma senha nova e longa');
  });

  it('shows both kinds of mail in the secretariat’s ledger', async () => {
    const res = await api.http().get('/outbox').set('authorization', admin).expect(200);
    const rows = (res.body.items ?? res.body) as Array<{ kind: string; status: string }>;
    expect(rows.some((r) => r.kind === 'invitation' && r.status === 'sent')).toBe(true);
    expect(rows.some((r) => r.kind === 'password_reset' && r.status === 'sent')).toBe(true);
  });
});
