import { DataSource } from 'typeorm';
import {
  createAccount,
  createSuiteDatabase,
  login,
  startTestApi,
  testConfig,
  type SuiteDatabase,
  type TestAccount,
  type TestApi,
} from '../harness';
import { listNestRoutes } from '../harness/nest-routes';
import { createMatrixFixtures } from '../route-matrix/matrix-fixtures';
import {
  concretePath,
  entryFor,
  MATRIX_ROLES,
  ROUTE_MATRIX,
  type MatrixContext,
  type Outcome,
  type RouteRequest,
} from '../route-matrix/route-matrix';

type Method = 'get' | 'post' | 'patch' | 'delete' | 'put';

describe('route matrix', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let ctx: MatrixContext;
  const callers = new Map<string, TestAccount>();
  /** The Coordinator, appointed by the matrix's own state: she sees every state's review but her own. */
  let coordinator: TestAccount;

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url, { LOGIN_MAX_ATTEMPTS: '1000' }));
    ds = api.app.get(DataSource);
    for (const role of MATRIX_ROLES) callers.set(role, await createAccount(ds, { role, stateCode: 'ARG' }));
    ctx = await createMatrixFixtures(api, ds, callers);
    coordinator = await createAccount(ds, { role: 'committee_expert', stateCode: ctx.ownState });
    const secretariatId = (callers.get('secretariat') as TestAccount).id;
    const [appointment]: Array<{ id: string }> = await ds.query(
      `INSERT INTO appointment (state_code, kind, person_name, person_email, note_reference, notified_on, term_start, status, recorded_by, recorded_at, user_id)
       VALUES ($1, 'titular', 'Matrix Coordinator', $2, 'Matrix note', '2026-01-01', '2026-01-01', 'active', $3, now(), $4) RETURNING id`,
      [ctx.ownState, coordinator.email, secretariatId, coordinator.id],
    );
    await ds.query(
      `INSERT INTO committee_office (office, appointment_id, expert_user_id, method, term_start, term_end, status, recorded_by, recorded_at)
       VALUES ('coordinator', $1, $2, 'consensus', '2020-01-01', '2099-01-01', 'current', $3, now())`,
      [appointment.id, coordinator.id, secretariatId],
    );
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const served = (): string[] => [...new Set(api.routes.map((r) => `${r.method} ${r.url}`))].sort();

  const send = (key: string, req: RouteRequest, bearer?: string) => {
    const [method] = key.split(' ');
    let call = api.http()[method.toLowerCase() as Method](req.path);
    if (bearer) call = call.set('authorization', bearer);
    for (const [name, value] of Object.entries(req.headers ?? {})) call = call.set(name, value);
    return req.body ? call.send(req.body) : call;
  };

  it('has an entry for every served route, and no entry for a route that is not served', () => {
    expect(served().length).toBeGreaterThan(20);
    expect(served().filter((key) => !entryFor(key))).toEqual([]);
    expect(Object.keys(ROUTE_MATRIX).filter((key) => !served().includes(key))).toEqual([]);
  });

  it('finds every controller route declaring an access rule that matches its matrix entry, with per-role expectations when authenticated', () => {
    const nest = listNestRoutes(api.app);
    expect(nest.length).toBeGreaterThan(15);
    for (const route of nest) {
      const key = `${route.method} ${route.url}`;
      const entry = ROUTE_MATRIX[key];
      expect({ key, rule: route.rule?.kind }).toEqual({ key, rule: entry?.access });
      if (entry.access === 'authenticated')
        expect({ key, hasRoles: Boolean(entry.roles) }).toEqual({ key, hasRoles: true });
    }
  });

  it('gives an anonymous caller what the matrix says (401 problem+json on every non-public route)', async () => {
    for (const key of served()) {
      const entry = entryFor(key) as NonNullable<ReturnType<typeof entryFor>>;
      const req = entry.request ? entry.request(ctx, 'other') : { path: concretePath(key.split(' ')[1]) };
      const res = await send(key, req);
      expect({ key, status: res.status }).toEqual({ key, status: entry.anonymous });
      if (entry.access !== 'public') {
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.code).toBe('unauthenticated');
      }
    }
  });

  it('accepts the browser session cookie on no route but its own: every write route called with it (and the session header) and no Bearer token is a 401', async () => {
    const caller = callers.get('secretariat') as TestAccount;
    const started = await api
      .http()
      .post('/auth/session')
      .set('x-mesecvi-session', '1')
      .send({ email: caller.email, password: caller.password })
      .expect(200);
    const cookie = (started.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const writes = served().filter((key) => /^(POST|PUT|PATCH|DELETE) /.test(key));
    const checked: string[] = [];
    for (const key of writes) {
      const entry = entryFor(key) as NonNullable<ReturnType<typeof entryFor>>;
      if (entry.access !== 'authenticated') continue;
      const req = entry.request ? entry.request(ctx, 'own') : { path: concretePath(key.split(' ')[1]) };
      const res = await send(key, { ...req, headers: { ...req.headers, cookie, 'x-mesecvi-session': '1' } });
      expect({ key, status: res.status, code: res.body.code }).toEqual({ key, status: 401, code: 'unauthenticated' });
      checked.push(key);
    }
    expect(checked.length).toBeGreaterThan(50);
    // The cookie was a live session all along: its own route accepts it.
    await api
      .http()
      .post('/auth/session/refresh')
      .set('x-mesecvi-session', '1')
      .set('cookie', cookie)
      .send({})
      .expect(200);
  });

  it('gives each role, on its own state and on another, what the matrix says', async () => {
    const seen: string[] = [];
    for (const [key, entry] of Object.entries(ROUTE_MATRIX)) {
      if (!entry.roles) continue;
      for (const role of MATRIX_ROLES) {
        const expectation = entry.roles[role];
        const scopes: Array<['own' | 'other', Outcome]> =
          typeof expectation === 'object'
            ? [
                ['own', expectation.own],
                ['other', expectation.other],
              ]
            : [
                ['own', expectation],
                ['other', expectation],
              ];
        for (const [scope, outcome] of scopes) {
          const caller = callers.get(role) as TestAccount;
          // A fresh session per call: some routes (logout) end the session they are called with.
          const session = await login(api, caller.email, caller.password);
          const req = entry.request ? entry.request(ctx, scope) : { path: concretePath(key.split(' ')[1]) };
          const res = await send(key, req, session.bearer);
          const got =
            outcome === 'allowed'
              ? res.status < 500 && ![401, 403, 404].includes(res.status)
                ? 'allowed'
                : res.status
              : res.status;
          expect({ key, role, scope, got, body: got === outcome ? undefined : res.body }).toEqual({
            key,
            role,
            scope,
            got: outcome,
            body: undefined,
          });
          if (typeof outcome === 'number') expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
          seen.push(`${key} ${role} ${scope}`);
        }
      }
    }
    expect(seen.length).toBeGreaterThan(100);
  });

  it('gives an expert on the state that appointed her (as Coordinator) what the "expert on own state" column says, and none of its committee material', async () => {
    const covered: string[] = [];
    const session = await login(api, coordinator.email, coordinator.password);
    for (const [key, entry] of Object.entries(ROUTE_MATRIX)) {
      const column = entry.expertOnOwnState;
      if (!column) continue;
      const build = column.request ?? entry.request;
      const req = (scope: 'own' | 'other'): RouteRequest =>
        build ? build(ctx, scope) : { path: concretePath(key.split(' ')[1]) };
      const res = await send(key, req('own'), session.bearer);
      const got =
        column.outcome === 'allowed' && res.status < 500 && ![401, 403, 404].includes(res.status)
          ? 'allowed'
          : res.status;
      expect({ key, got }).toEqual({ key, got: column.outcome });
      if (column.committeeMaterial) {
        expect({ key, material: res.status === 200 ? column.committeeMaterial(res.body) : [] }).toEqual({
          key,
          material: [],
        });
        // The same route on another state gives her the material: the check above had something to miss.
        const other = await send(key, req('other'), session.bearer);
        expect({ key, status: other.status }).toEqual({ key, status: 200 });
        expect(column.committeeMaterial(other.body).length).toBeGreaterThan(0);
      }
      covered.push(key);
    }
    expect(covered).toEqual(
      expect.arrayContaining(['GET /recommendations/:id', 'GET /evaluations/:id/follow-up', 'GET /reports/:id']),
    );
  });
});
