import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Outbox, type OutboxMessageView, type StagedMail } from '@mesecvi/mail';
import {
  createSuiteDatabase,
  signedIn,
  startTestApi,
  testConfig,
  type Session,
  type SuiteDatabase,
  type TestApi,
} from '../harness';

interface Page {
  items: OutboxMessageView[];
  nextCursor: string | null;
}

const t0 = new Date('2026-02-01T12:00:00.000Z');
const at = (minutes: number): Date => new Date(t0.getTime() + minutes * 60_000);

describe('GET /outbox: the secretariat reads the mail ledger', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let secretariat: Session;
  const tag = randomBytes(3).toString('hex');
  const ids: Record<string, string> = {};

  const mail = (
    to: string,
    stateCode: string | null,
    kind: 'invitation' | 'password_reset',
    language: StagedMail['language'] = 'en',
  ): StagedMail =>
    kind === 'invitation'
      ? {
          kind,
          template: 'invitation',
          language,
          to: { address: to, name: 'Someone', role: 'state_focal_point' },
          stateCode,
          related: { type: 'user_account', id: '6f1c2d7e-1b1a-4b8e-9a51-0c3f2b9d8e11' },
          payload: {
            recipientName: 'Someone',
            roleLabel: 'focal point',
            stateName: stateCode,
            link: 'https://platform.example.org/a?token=secret-token',
            expiresAt: '2026-03-01T00:00:00Z',
          },
        }
      : {
          kind,
          template: 'password_reset',
          language,
          to: { address: to },
          stateCode,
          payload: {
            recipientName: 'Someone',
            link: 'https://platform.example.org/r?token=secret-token',
            expiresAt: '2026-03-01T00:00:00Z',
          },
        };

  beforeAll(async () => {
    db = await createSuiteDatabase();
    // No worker: the rows stay as staged, and their statuses are set below.
    api = await startTestApi(testConfig(db.url));
    ds = api.app.get(DataSource);
    const outbox = api.app.get(Outbox);
    const stage = (name: string, m: StagedMail, when: Date): Promise<void> =>
      ds.transaction(async (manager) => {
        ids[name] = await outbox.stage(manager, m, when);
      });
    await stage('htiInvite', mail(`Focal.Point.${tag}@Mission-HTI.example`, 'HTI', 'invitation', 'fr'), at(0));
    await stage('htiReset', mail(`contrib.${tag}@gouv-hti.example`, 'HTI', 'password_reset', 'fr'), at(1));
    await stage('braInvite', mail(`ponto.${tag}@gov-bra.example`, 'BRA', 'invitation', 'pt'), at(2));
    await stage('expertInvite', mail(`expert_1.${tag}@cevi.example`, null, 'invitation'), at(3));
    await stage('argReset', mail(`punto.${tag}@gob-arg.example`, 'ARG', 'password_reset', 'es'), at(4));
    await ds.query(
      `UPDATE outbox_message SET status = 'sent', sent_at = $2, smtp_response = '250 OK', attempts = 1 WHERE id = $1`,
      [ids.htiInvite, at(0.5)],
    );
    await ds.query(
      `UPDATE outbox_message SET status = 'failed', last_error = 'ESOCKET: connect ECONNREFUSED', attempts = 6 WHERE id = $1`,
      [ids.braInvite],
    );
    secretariat = await signedIn(api, ds, { role: 'secretariat' });
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const list = async (query: Record<string, string | number> = {}, session: Session = secretariat): Promise<Page> => {
    const res = await api.http().get('/outbox').query(query).set('authorization', session.bearer);
    expect({ status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ status: 200, body: 'ok' });
    return res.body as Page;
  };
  const idsOf = (page: Page): string[] => page.items.map((m) => m.id);

  it('lists every mail newest first, with recipient, status and attempts, and without the payload', async () => {
    const page = await list();
    expect(idsOf(page)).toEqual([ids.argReset, ids.expertInvite, ids.braInvite, ids.htiReset, ids.htiInvite]);
    expect(page.nextCursor).toBeNull();
    const hti = page.items.find((m) => m.id === ids.htiInvite);
    expect(hti).toMatchObject({
      kind: 'invitation',
      template: 'invitation',
      language: 'fr',
      stateCode: 'HTI',
      status: 'sent',
      attempts: 1,
      smtpResponse: '250 OK',
      messageId: `<${ids.htiInvite}@mesecvi.localhost>`,
      related: { type: 'user_account', id: '6f1c2d7e-1b1a-4b8e-9a51-0c3f2b9d8e11' },
      recipient: {
        address: `Focal.Point.${tag}@Mission-HTI.example`,
        name: 'Someone',
        role: 'state_focal_point',
        userId: null,
      },
      createdAt: at(0).toISOString(),
      sentAt: at(0.5).toISOString(),
    });
    expect(page.items.find((m) => m.id === ids.braInvite)).toMatchObject({
      status: 'failed',
      attempts: 6,
      lastError: 'ESOCKET: connect ECONNREFUSED',
    });
    const raw = JSON.stringify(page);
    expect(raw).not.toContain('secret-token');
    expect(raw).not.toContain('payload');
  });

  it('filters by kind, status, state, recipient (substring, any case) and staging time', async () => {
    expect(idsOf(await list({ kind: 'password_reset' }))).toEqual([ids.argReset, ids.htiReset]);
    expect(idsOf(await list({ status: 'failed' }))).toEqual([ids.braInvite]);
    expect(idsOf(await list({ status: 'pending' }))).toEqual([ids.argReset, ids.expertInvite, ids.htiReset]);
    expect(idsOf(await list({ stateCode: 'HTI' }))).toEqual([ids.htiReset, ids.htiInvite]);
    expect(idsOf(await list({ recipient: 'mission-hti' }))).toEqual([ids.htiInvite]);
    expect(idsOf(await list({ recipient: `EXPERT_1.${tag}` }))).toEqual([ids.expertInvite]);
    // LIKE wildcards in the search text match themselves only.
    expect(idsOf(await list({ recipient: '%' }))).toEqual([]);
    expect(idsOf(await list({ recipient: `expert_` }))).toEqual([ids.expertInvite]);
    expect(idsOf(await list({ from: at(1).toISOString(), to: at(3).toISOString() }))).toEqual([
      ids.braInvite,
      ids.htiReset,
    ]);
    expect(idsOf(await list({ stateCode: 'HTI', kind: 'invitation', status: 'sent' }))).toEqual([ids.htiInvite]);
    expect(idsOf(await list({ from: '2026-02-02' }))).toEqual([]);
  });

  it('pages with a cursor, without overlap or gaps', async () => {
    const first = await list({ limit: 2 });
    expect(idsOf(first)).toEqual([ids.argReset, ids.expertInvite]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list({ limit: 2, cursor: first.nextCursor ?? '' });
    expect(idsOf(second)).toEqual([ids.braInvite, ids.htiReset]);
    const third = await list({ limit: 2, cursor: second.nextCursor ?? '' });
    expect(idsOf(third)).toEqual([ids.htiInvite]);
    expect(third.nextCursor).toBeNull();
    // A cursor combines with filters.
    const pending = await list({ status: 'pending', limit: 1 });
    expect(idsOf(await list({ status: 'pending', limit: 5, cursor: pending.nextCursor ?? '' }))).toEqual([
      ids.expertInvite,
      ids.htiReset,
    ]);
  });

  it.each([
    ['limit', '0'],
    ['limit', '201'],
    ['limit', 'ten'],
    ['status', 'delivered'],
    ['kind', 'newsletter'],
    ['stateCode', 'hti'],
    ['from', 'yesterday'],
    ['to', '2026-13-45'],
    ['cursor', 'not a cursor!'],
    ['cursor', Buffer.from('["2026-01-01T00:00:00Z","x"]').toString('base64url')],
    ['recipient', ''],
    ['colour', 'red'],
  ])('answers 422 problem+json naming %s for %j', async (name, value) => {
    const res = await api
      .http()
      .get('/outbox')
      .query({ [name]: value })
      .set('authorization', secretariat.bearer)
      .expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual([
      expect.objectContaining({ pointer: `/${name}`, message: expect.stringContaining(name) }),
    ]);
  });

  it('answers 422 naming `to` when the range is inverted', async () => {
    const res = await api
      .http()
      .get('/outbox')
      .query({ from: '2026-03-01', to: '2026-02-01' })
      .set('authorization', secretariat.bearer)
      .expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/to' })]);
  });

  it('refuses other roles with 403 and anonymous callers with 401', async () => {
    for (const role of ['state_focal_point', 'state_contributor', 'committee_expert'] as const) {
      const session = await signedIn(api, ds, { role, stateCode: 'HTI' });
      const res = await api.http().get('/outbox').set('authorization', session.bearer);
      expect({ role, status: res.status, code: res.body.code }).toEqual({ role, status: 403, code: 'forbidden' });
    }
    const anonymous = await api.http().get('/outbox').expect(401);
    expect(anonymous.body.code).toBe('unauthenticated');
  });
});
