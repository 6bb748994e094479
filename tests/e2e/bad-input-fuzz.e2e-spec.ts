// Fault injection: generated bad inputs (fast-check) across every write route the api
// serves — zero 5xx, no 2xx, and the database exactly as before (a snapshot of every table).
//
// The routes come from the api's own route table (what Fastify really serves); the valid request
// each bad one starts from comes from the route matrix (tests/route-matrix), on the matrix's real
// fixtures, sent by a role the matrix allows — so a new write route is fuzzed as soon as it is
// served and in the matrix. Every generated input is bad by construction (a wrong type, an unknown
// field, a forbidden key, a non-object or malformed body, a wrong content type, or an invalid id
// in the path); huge strings and deep nesting ride along as stressors.
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import type { Role } from '@mesecvi/http';
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
import { createMatrixFixtures } from '../route-matrix/matrix-fixtures';
import {
  concretePath,
  entryFor,
  MATRIX_ROLES,
  ROUTE_MATRIX,
  type MatrixContext,
  type RouteRequest,
} from '../route-matrix/route-matrix';

/** ≥ 10,000 in CI (the default); BAD_INPUT_RUNS=500 for a quick local run. */
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 10_000);
/** BAD_INPUT_SEED replays a run (the seed is in the failure message). */
const SEED = Number(process.env.BAD_INPUT_SEED ?? Date.now() % 2_147_483_647);
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
const BODY_LIMIT = 262_144;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Target {
  key: string;
  method: string;
  /** Route template, e.g. /evaluations/:id/draft. */
  url: string;
  valid: RouteRequest;
  /** Signed-in caller (Authorization value), or none for public routes. */
  bearer?: string;
  /** The route reads a JSON body (its OpenAPI operation has one): body mutations apply. */
  jsonBody: boolean;
  /** Current ETag of the resource, sent as If-Match so bad input gets past the precondition. */
  ifMatch?: string;
  /** Served by a plugin under a prefix rule (bull-board's JSON API): its errors are its own JSON, not problem+json. */
  plugin: boolean;
}

interface BadRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** What makes it bad, for failure messages. */
  what: string;
}

/**
 * Row count and md5 of every row's text (in a stable order) per table: equal snapshots = nothing
 * changed. Every table is compared, none excluded, because nothing may legitimately change here:
 * refused input writes no audit row (a 404 outside the caller's scope is a security log line on
 * stdout, not a row); the sessions were opened before the first snapshot and bad input never signs
 * in or refreshes; failed sign-ins count in Redis, not PostgreSQL; no worker runs to seal audit
 * rows or send mail. Sequences are not compared: a refused insert may use up an id.
 */
async function snapshot(ds: DataSource): Promise<Record<string, string>> {
  const tables: Array<{ name: string }> = await ds.query(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row]: Array<{ n: number; md5: string | null }> = await ds.query(
      `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "${name}" t`,
    );
    out[name] = `${row.n} rows, md5 ${row.md5 ?? '-'}`;
  }
  return out;
}

/** Path parameters of a template, with the concrete segments of a valid path at the same positions. */
function pathParams(template: string, path: string): Array<{ index: number; name: string }> {
  const t = template.split('/');
  const p = path.split('?')[0].split('/');
  if (t.length !== p.length) return [];
  return t.flatMap((segment, index) => (segment.startsWith(':') ? [{ index, name: segment.slice(1) }] : []));
}

/** Every JSON pointer (as key paths) inside a value, the root excluded. */
function pointers(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...pointers(v, [...prefix, i])]);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...pointers(v, [...prefix, k])]);
  return [];
}

function getAt(value: Json, path: Array<string | number>): Json {
  return path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], value);
}

function setAt(value: Json, path: Array<string | number>, replacement: Json): Json {
  if (path.length === 0) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, Json>;
  copy[path[0]] = setAt(copy[path[0]], path.slice(1), replacement);
  return copy;
}

const typeOf = (v: Json): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** A value of another JSON type than `original` (never null, which a nullable field accepts; never an object for null: a merge patch may set one). */
function wrongTypeFor(original: Json): fc.Arbitrary<Json> {
  const all: Record<string, fc.Arbitrary<Json>> = {
    string: fc.string({ maxLength: 20 }),
    number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    boolean: fc.boolean(),
    array: fc.array(fc.integer(), { maxLength: 3 }),
    object: fc.dictionary(
      fc.string({ minLength: 1, maxLength: 6 }).map((k) => `x_${k}`),
      fc.integer(),
      { maxKeys: 2 },
    ),
  };
  const t = typeOf(original);
  const excluded = t === 'null' ? ['string', 'object'] : [t];
  return fc.oneof(
    ...Object.entries(all)
      .filter(([k]) => !excluded.includes(k))
      .map(([, a]) => a),
  );
}

/** Nested arrays or objects `depth` levels deep (as JSON text: JSON.stringify recursion would be the limit otherwise). */
function deepJson(depth: number, objects: boolean): string {
  return objects ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

/**
 * `.` and `..` (also as `%2E`, `%2E%2E`) are dot-segments: URL normalisation removes them before
 * the request leaves any WHATWG client, so `/queues/./resume` is sent as `/queues/resume`, another
 * (valid) route, and no client can send them as a parameter's value. Not bad input: left out.
 */
const isDotSegment = (s: string): boolean => /^(\.|%2e){1,2}$/i.test(s);

const BAD_IDS: fc.Arbitrary<string> = fc
  .oneof(
    fc.uuid().map((u) => u),
    fc.string({ minLength: 1, maxLength: 40 }).map((s) => encodeURIComponent(s)),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).map((s) => encodeURIComponent(s)),
    fc.integer().map(String),
    fc.constantFrom(
      '0',
      '-1',
      '1e309',
      '99999999999999999999999999',
      'null',
      'undefined',
      '...',
      '%2e%2e%2f',
      '%00',
      '%27%20OR%201%3D1%20--',
      'ARGX',
      'AR',
      '00000000-0000-0000-0000-00000000000g',
      'a'.repeat(400),
    ),
  )
  .filter((s) => !isDotSegment(s));

/** Arbitrary bad requests for one route. */
function badRequests(target: Target): fc.Arbitrary<BadRequest> {
  const params = pathParams(target.url, target.valid.path);
  const baseHeaders: Record<string, string> = { ...(target.valid.headers ?? {}) };
  if (target.bearer) baseHeaders.authorization = target.bearer;
  if (target.ifMatch) baseHeaders['if-match'] = target.ifMatch;
  const isBinary = Buffer.isBuffer(target.valid.body);
  const jsonType = baseHeaders['content-type'] && !isBinary ? baseHeaders['content-type'] : 'application/json';
  const validText = isBinary
    ? undefined
    : target.valid.body === undefined
      ? undefined
      : JSON.stringify(target.valid.body);
  const request = (
    what: string,
    path: string,
    payload: string | Buffer | undefined,
    contentType?: string,
  ): BadRequest => ({
    method: target.method,
    url: path,
    headers: { ...baseHeaders, ...(contentType ? { 'content-type': contentType } : {}) },
    payload,
    what,
  });
  const kinds: Array<fc.Arbitrary<BadRequest>> = [];

  if (params.length > 0) {
    // An invalid id in the path, the body otherwise valid.
    kinds.push(
      fc.tuple(fc.constantFrom(...params), BAD_IDS).map(([param, id]) => {
        const [pathname, query] = target.valid.path.split('?');
        const segments = pathname.split('/');
        segments[param.index] = id;
        const path = segments.join('/') + (query ? `?${query}` : '');
        return request(
          `bad :${param.name} = ${id.slice(0, 60)}`,
          path,
          isBinary ? (target.valid.body as Buffer) : validText,
          isBinary ? undefined : validText === undefined ? undefined : jsonType,
        );
      }),
    );
  }
  if (isBinary) {
    // An upload route: JSON or text where bytes are expected.
    kinds.push(
      fc
        .constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded')
        .map((type) =>
          request(
            `${type} body on an upload`,
            target.valid.path,
            type === 'application/json' ? '{"a":1}' : 'a=1',
            type,
          ),
        ),
    );
  }
  if (target.jsonBody && !isBinary) {
    const base = (target.valid.body ?? {}) as Json;
    const paths = pointers(base);
    const send = (what: string, text: string, type = jsonType): BadRequest =>
      request(what, target.valid.path, text, type);
    const known = new Set(Object.keys(base as object));
    const unknownKey = fc
      .oneof(
        fc.string({ minLength: 1, maxLength: 16 }).map((k) => `x_${k}`),
        fc.constantFrom(
          'constructor',
          'prototype',
          'toString',
          'hasOwnProperty',
          'isAdmin',
          'role',
          'id',
          'createdAt',
          'version',
          'status',
          'deletedAt',
        ),
      )
      .filter((k) => !known.has(k));
    const top = base !== null && typeof base === 'object' && !Array.isArray(base);
    const insertIntoTop = (text: string, member: string): string =>
      text === '{}' ? `{${member}}` : `{${member},${text.slice(1)}`;
    const stressor = fc.option(
      fc.oneof(
        { weight: 5, arbitrary: fc.integer({ min: 10_000, max: 120_000 }) },
        { weight: 1, arbitrary: fc.constant(BODY_LIMIT + 10) },
      ),
      { freq: 12 },
    );
    const withHuge = (r: fc.Arbitrary<BadRequest>): fc.Arbitrary<BadRequest> =>
      fc.tuple(r, stressor).map(([req, huge]) => {
        if (!huge || typeof req.payload !== 'string' || !req.payload.startsWith('{')) return req;
        // Ride-along: one more unknown member holding a huge string (the request stays bad).
        return {
          ...req,
          payload: insertIntoTop(req.payload, `"x_huge":${JSON.stringify('é'.repeat(Math.floor(huge / 2)))}`),
          what: `${req.what} + ${huge}-byte string`,
        };
      });

    if (paths.length > 0) {
      kinds.push(
        withHuge(
          fc
            .constantFrom(...paths)
            .chain((path) => wrongTypeFor(getAt(base, path)).map((value) => ({ path, value })))
            .map(({ path, value }) =>
              send(
                `wrong type at /${path.join('/')}: ${JSON.stringify(value).slice(0, 40)}`,
                JSON.stringify(setAt(base, path, value)),
              ),
            ),
        ),
      );
    }
    if (top) {
      // Not null: in a JSON Merge Patch (the draft's PATCH), `"k": null` removes k, and removing a
      // member that is not there is a valid no-op (RFC 7396), not bad input.
      kinds.push(
        withHuge(
          fc
            .tuple(
              unknownKey,
              fc.jsonValue({ maxDepth: 2 }).filter((v) => v !== null),
            )
            .map(([k, v]) => send(`unknown field ${k}`, JSON.stringify({ ...(base as object), [k]: v }))),
        ),
      );
      kinds.push(
        fc
          .constantFrom(
            '"__proto__":{"isAdmin":true}',
            '"constructor":{"prototype":{"isAdmin":true}}',
            '"__proto__":null',
          )
          .map((member) => send(`forbidden key ${member}`, insertIntoTop(JSON.stringify(base), member))),
      );
      kinds.push(
        fc
          .tuple(fc.integer({ min: 64, max: 20_000 }), fc.boolean())
          .map(([depth, objects]) =>
            send(
              `unknown field nested ${depth} deep`,
              insertIntoTop(JSON.stringify(base), `"x_deep":${deepJson(depth, objects)}`),
            ),
          ),
      );
    }
    if (paths.length > 0) {
      // A field replaced by a deep structure of another type.
      kinds.push(
        fc.tuple(fc.constantFrom(...paths), fc.integer({ min: 64, max: 20_000 })).map(([path, depth]) => {
          const objects = Array.isArray(getAt(base, path));
          const marker = '"__deep_marker__"';
          return send(
            `/${path.join('/')} nested ${depth} deep`,
            JSON.stringify(setAt(base, path, '__deep_marker__')).replace(marker, deepJson(depth, objects)),
          );
        }),
      );
    }
    kinds.push(
      fc
        .oneof(
          fc.constant('[]'),
          fc.constant('null'),
          fc.constant('true'),
          fc.constant('"text"'),
          fc.integer().map(String),
          fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }).map((a) => JSON.stringify(a)),
          fc.constant(deepJson(5000, false)),
        )
        .map((text) => send(`non-object body ${text.slice(0, 20)}`, text)),
    );
    kinds.push(
      fc.integer({ min: 1, max: 40 }).map((cut) => {
        const text = JSON.stringify(base);
        return send('malformed JSON', text.length > 2 ? text.slice(0, Math.max(1, text.length - cut)) : '{"a":');
      }),
    );
    kinds.push(
      fc
        .constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x')
        .map((type) => send(`content type ${type}`, JSON.stringify(base), type)),
    );
  }
  return fc.oneof(...kinds);
}

describe('bad input across every write route (fast-check)', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let ds: DataSource;
  let ctx: MatrixContext;
  let targets: Target[];
  const callers = new Map<string, TestAccount>();

  beforeAll(async () => {
    db = await createSuiteDatabase();
    api = await startTestApi(testConfig(db.url, { LOGIN_MAX_ATTEMPTS: '1000', BODY_LIMIT_BYTES: String(BODY_LIMIT) }));
    ds = api.app.get(DataSource);
    for (const role of MATRIX_ROLES) callers.set(role, await createAccount(ds, { role, stateCode: 'ARG' }));
    ctx = await createMatrixFixtures(api, ds, callers);
    const bearers = new Map<Role, string>();
    for (const role of MATRIX_ROLES) {
      const caller = callers.get(role) as TestAccount;
      bearers.set(role, (await login(api, caller.email, caller.password)).bearer);
    }
    const openapi = (await api.http().get('/docs/openapi.json').expect(200)).body as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    const served = [
      ...new Set(api.routes.filter((r) => WRITE_METHODS.includes(r.method)).map((r) => `${r.method} ${r.url}`)),
    ].sort();
    targets = [];
    for (const key of served) {
      const [method, url] = key.split(' ');
      const entry = entryFor(key);
      if (!entry) throw new Error(`${key} is served but has no route-matrix entry`);
      const role = entry.roles
        ? (MATRIX_ROLES.find((r) => {
            const o = entry.roles?.[r];
            return (typeof o === 'object' ? o.own : o) === 'allowed';
          }) ?? 'secretariat')
        : 'secretariat';
      const valid = entry.request ? entry.request(ctx, 'own') : { path: concretePath(url) };
      const operation = openapi.paths[url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[method.toLowerCase()];
      const target: Target = {
        key,
        method,
        url,
        valid,
        bearer: entry.access === 'public' ? undefined : bearers.get(role),
        jsonBody: Boolean(operation?.requestBody),
        plugin: !ROUTE_MATRIX[key],
      };
      // A resource with an ETag: bad input must be refused for itself, not for a missing If-Match.
      const read = await api
        .http()
        .get(valid.path)
        .set(target.bearer ? { authorization: target.bearer } : {});
      if (read.status === 200 && typeof read.headers.etag === 'string') target.ifMatch = read.headers.etag;
      targets.push(target);
    }
  }, 120_000);
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('covers every served write route, each with bad input (a route that reads nothing bad-able is named here)', () => {
    expect(targets.length).toBeGreaterThan(40);
    // Neither a body nor a path parameter: nothing a caller sends can be bad. Listed, so a change shows.
    const nothingToFuzz = targets
      .filter((t) => !t.jsonBody && !Buffer.isBuffer(t.valid.body) && pathParams(t.url, t.valid.path).length === 0)
      .map((t) => t.key);
    expect(nothingToFuzz).toEqual([
      'DELETE /me/calendar-feed',
      'POST /auth/logout',
      'POST /me/calendar-feed',
      'POST /operations/queues-ui/session',
      'PUT /operations/queues-ui/api/queues/pause',
      'PUT /operations/queues-ui/api/queues/resume',
    ]);
  });

  it(`answers ${RUNS} bad requests with 4xx problem+json only — no 5xx, no 2xx — and changes no row`, async () => {
    const fuzzed = targets.filter(
      (t) => t.jsonBody || Buffer.isBuffer(t.valid.body) || pathParams(t.url, t.valid.path).length > 0,
    );
    const before = await snapshot(ds);
    const statuses = new Map<string, Map<number, number>>();
    const wrong: string[] = [];
    const input = fc.constantFrom(...fuzzed).chain((t) => badRequests(t).map((req) => ({ t, req })));
    await fc.assert(
      fc.asyncProperty(input, async ({ t, req }) => {
        const res = await api.app.inject({
          method: req.method as 'POST',
          url: req.url,
          headers: req.headers,
          payload: req.payload,
        });
        const perRoute = statuses.get(t.key) ?? new Map<number, number>();
        perRoute.set(res.statusCode, (perRoute.get(res.statusCode) ?? 0) + 1);
        statuses.set(t.key, perRoute);
        // The pages opened from e-mails answer people with HTML; everything else with problem+json.
        const type = String(res.headers['content-type'] ?? '');
        const problem =
          t.plugin ||
          /^application\/problem\+json/.test(type) ||
          (t.url.startsWith('/account/') && /^text\/html/.test(type));
        if (res.statusCode >= 500 || res.statusCode < 400 || !problem) {
          wrong.push(
            `${t.key} [${req.what}] ${req.method} ${req.url.slice(0, 120)} → ${res.statusCode} ${String(res.headers['content-type'])} ${res.body.slice(0, 300)}`,
          );
        }
      }),
      // Every failure is collected (not only the first) and reported with the seed that replays the run.
      { numRuns: RUNS, seed: SEED },
    );
    const after = await snapshot(ds);
    const summary = [...statuses.entries()].map(
      ([key, m]) =>
        `${key}: ${[...m.entries()]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}×${n}`)
          .join(' ')}`,
    );
    console.log(`bad input: ${RUNS} requests over ${statuses.size} of ${fuzzed.length} routes\n${summary.join('\n')}`);
    expect({ seed: SEED, wrong: wrong.slice(0, 30), count: wrong.length }).toEqual({ seed: SEED, wrong: [], count: 0 });
    expect(after).toEqual(before);
    // Every fuzzed route was reached (with 10,000 runs each gets ~150).
    if (RUNS >= 2000) expect(statuses.size).toBe(fuzzed.length);
  }, 600_000);
});
