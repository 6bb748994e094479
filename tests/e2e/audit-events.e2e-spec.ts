import { DataSource } from 'typeorm';
import { AuditSealer, AuditService, type AuditEventView, type AuditRecord } from '@mesecvi/audit';
import type { Caller } from '@mesecvi/http';
import {
  createSuiteDatabase,
  signedIn,
  startTestApi,
  testConfig,
  type Session,
  type SuiteDatabase,
  type TestAccount,
  type TestApi,
} from '../harness';

const PROBLEM = /^application\/problem\+json/;
// A kind of entity no real service writes, so events from logins and the like never interfere.
const TYPE = 'test_entity';

describe('GET /audit-events: the secretariat reads the audit log', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let secretariat: TestAccount & Session;
  let focalPoint: TestAccount & Session;
  const ids: Record<string, string> = {};

  const asCaller = (a: TestAccount): Caller => ({ userId: a.id, role: a.role, stateCode: a.stateCode, language: 'en' });

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url));
    ds = api.app.get(DataSource);
    secretariat = await signedIn(api, ds, { role: 'secretariat' });
    focalPoint = await signedIn(api, ds, { role: 'state_focal_point', stateCode: 'ARG' });
    const audit = api.app.get(AuditService);
    const seed: Array<[string, Omit<AuditRecord, 'entity'> & { entityId: string }]> = [
      [
        'a1',
        {
          actor: asCaller(secretariat),
          action: `${TYPE}.created`,
          entityId: 'A',
          at: new Date('2026-01-10T10:00:00Z'),
          summary: { fields: ['name'] },
          requestId: 'req-a1',
        },
      ],
      [
        'a2',
        {
          actor: asCaller(secretariat),
          action: `${TYPE}.updated`,
          entityId: 'A',
          at: new Date('2026-02-10T10:00:00Z'),
        },
      ],
      [
        'b1',
        { actor: asCaller(focalPoint), action: `${TYPE}.updated`, entityId: 'B', at: new Date('2026-03-10T10:00:00Z') },
      ],
      ['b2', { actor: null, action: `${TYPE}.expired`, entityId: 'B', at: new Date('2026-04-10T10:00:00Z') }],
      ...[1, 2, 3, 4, 5].map((n): [string, Omit<AuditRecord, 'entity'> & { entityId: string }] => [
        `c${n}`,
        { actor: null, action: `${TYPE}.reminded`, entityId: 'C', at: new Date(`2026-05-0${n}T10:00:00Z`) },
      ]),
    ];
    for (const [key, { entityId, ...rest }] of seed) {
      ids[key] = await ds.transaction((m) => audit.record(m, { ...rest, entity: { type: TYPE, id: entityId } }));
    }
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const list = (query: Record<string, string>, bearer = secretariat.bearer) =>
    api.http().get('/audit-events').query(query).set('authorization', bearer);
  const idsOf = (items: AuditEventView[]): string[] => items.map((e) => e.id);

  it('answers an anonymous caller 401', async () => {
    const res = await api.http().get('/audit-events').expect(401);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('unauthenticated');
  });

  it.each([
    ['state_focal_point', 'URY'],
    ['state_contributor', 'ARG'],
    ['committee_expert', 'BRA'],
  ] as const)('answers a %s 403', async (role, stateCode) => {
    const other = await signedIn(api, ds, { role, stateCode });
    const res = await list({}, other.bearer).expect(403);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('forbidden');
  });

  it('lists events newest first, with actor, entity, summary and request id', async () => {
    const res = await list({ entityType: TYPE }).expect(200);
    const page = res.body as { items: AuditEventView[]; nextBefore: string | null };
    expect(idsOf(page.items)).toEqual(['c5', 'c4', 'c3', 'c2', 'c1', 'b2', 'b1', 'a2', 'a1'].map((k) => ids[k]));
    expect(page.nextBefore).toBeNull();
    expect(page.items.find((e) => e.id === ids.a1)).toEqual({
      id: ids.a1,
      occurredAt: '2026-01-10T10:00:00.000Z',
      actor: { userId: secretariat.id, role: 'secretariat' },
      action: `${TYPE}.created`,
      entity: { type: TYPE, id: 'A' },
      summary: { fields: ['name'] },
      requestId: 'req-a1',
      seal: null,
    });
    expect(page.items.find((e) => e.id === ids.b2)?.actor).toBeNull();
  });

  it('filters by entity, actor, action and time range', async () => {
    expect(idsOf((await list({ entityType: TYPE, entityId: 'A' }).expect(200)).body.items)).toEqual([ids.a2, ids.a1]);
    // Filters combine with AND (the actor also has events of their own sign-in).
    expect(idsOf((await list({ entityType: TYPE, actorUserId: focalPoint.id }).expect(200)).body.items)).toEqual([
      ids.b1,
    ]);
    expect(idsOf((await list({ action: `${TYPE}.expired` }).expect(200)).body.items)).toEqual([ids.b2]);
    expect(
      idsOf((await list({ entityType: TYPE, from: '2026-02-01', to: '2026-04-01' }).expect(200)).body.items),
    ).toEqual([ids.b1, ids.a2]);
    // `from` is inclusive, `to` exclusive, and date-times with a zone are accepted.
    const exact = await list({ entityType: TYPE, from: '2026-02-10T10:00:00Z', to: '2026-03-10T10:00:00Z' }).expect(
      200,
    );
    expect(idsOf(exact.body.items)).toEqual([ids.a2]);
    expect((await list({ entityType: 'no_such_thing' }).expect(200)).body).toEqual({ items: [], nextBefore: null });
  });

  it('pages with limit and the nextBefore cursor, without overlap', async () => {
    const seen: string[] = [];
    let before: string | null = null;
    const sizes: number[] = [];
    do {
      const query: Record<string, string> = { entityType: TYPE, entityId: 'C', limit: '2' };
      if (before) query.before = before;
      const body = (await list(query).expect(200)).body as { items: AuditEventView[]; nextBefore: string | null };
      sizes.push(body.items.length);
      seen.push(...idsOf(body.items));
      before = body.nextBefore;
    } while (before !== null);
    expect(sizes).toEqual([2, 2, 1]);
    expect(seen).toEqual(['c5', 'c4', 'c3', 'c2', 'c1'].map((k) => ids[k]));
  });

  it.each([
    [{ limit: '0' }, '/limit'],
    [{ limit: '201' }, '/limit'],
    [{ limit: 'ten' }, '/limit'],
    [{ actorUserId: 'not-a-uuid' }, '/actorUserId'],
    [{ from: 'yesterday' }, '/from'],
    [{ to: '2026-02-30' }, '/to'],
    [{ from: '2026-01-01T10:00:00' }, '/from'], // a date-time without a zone is ambiguous
    [{ before: 'abc' }, '/before'],
    [{ before: '9999999999999999999' }, '/before'], // beyond PostgreSQL's bigint
    [{ entityType: '' }, '/entityType'],
    [{ colour: 'red' }, '/colour'],
    [{ from: '2026-03-01', to: '2026-02-01' }, '/to'],
  ])('answers 422 naming the parameter for %j', async (query, pointer) => {
    const res = await list(query).expect(422);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer })]);
    expect(res.body.errors[0].message).toContain(pointer.slice(1));
  });

  it('answers 422 for a repeated parameter', async () => {
    const res = await api
      .http()
      .get(`/audit-events?action=${TYPE}.created&action=${TYPE}.updated`)
      .set('authorization', secretariat.bearer)
      .expect(422);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/action' })]);
  });

  it('shows the seal once the event is sealed into the chain', async () => {
    await api.app.get(AuditSealer).sealPending();
    const items = (await list({ entityType: TYPE, entityId: 'A' }).expect(200)).body.items as AuditEventView[];
    for (const item of items)
      expect(item.seal).toEqual({
        seq: expect.stringMatching(/^[1-9][0-9]*$/),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    expect(Number(items[0].seal?.seq)).toBeGreaterThan(Number(items[1].seal?.seq));
  });
});
