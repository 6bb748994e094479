// The web app as the api serves it: the shell on the app's own paths (never on the api's), its
// hashed files precompressed and cached for good, and the api's own answers untouched.
import fs from 'node:fs';
import path from 'node:path';
import { APP_SEGMENTS, CONTACT_META_NAME, fillPattern, patternParameters, serverPages } from '@mesecvi/web-links';
import { shellRoutes } from '../../apps/api/src/register-web-app';
import { createSuiteDatabase, startTestApi, testConfig, type SuiteDatabase, type TestApi } from '../harness';

const PROBLEM = /^application\/problem\+json/;
/** A deployment's own contact, with the one character an HTML attribute must escape. */
const CONTACT = 'help&desk@treaty.example';

/** The first segment of a route (`''` for `/`). */
const firstSegment = (url: string): string => url.split('/')[1] ?? '';

describe('the web app served by the api', () => {
  let db: SuiteDatabase;
  let api: TestApi;
  let entryJs: string;
  let entryCss: string[];

  beforeAll(async () => {
    db = await createSuiteDatabase();
    const config = testConfig(db.url, { SECRETARIAT_CONTACT_EMAIL: CONTACT });
    api = await startTestApi(config);
    const manifestFile = path.join(config.http.webDistDir, '.vite', 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<
      string,
      { file: string; css?: string[]; isEntry?: boolean }
    >;
    const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
    if (!entry) throw new Error(`no entry in ${manifestFile}`);
    entryJs = `/${entry.file}`;
    entryCss = (entry.css ?? []).map((file) => `/${file}`);
  });
  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('every page of the api that mails link to is one of its GET routes', () => {
    const gets = api.routes
      .filter((r) => r.method === 'GET')
      .map((r) => new RegExp(`^${r.url.replace(/:[A-Za-z]+/g, '[^/]+')}$`));
    for (const page of Object.values(serverPages)) {
      const path = fillPattern(
        page.pattern,
        patternParameters(page.pattern).map(() => 'x1'),
      );
      expect({ path, served: gets.some((route) => route.test(path)) }).toEqual({ path, served: true });
    }
  });

  it("no api route takes a path of the app's: the route table and the app's segments do not overlap", () => {
    const shell = new Set([...shellRoutes(), '/app/assets/*', '/app/assets/']);
    const apiRoutes = api.routes.filter((r) => !shell.has(r.url));
    const overlapping = apiRoutes.filter((r) => r.url === '/' || APP_SEGMENTS.includes(firstSegment(r.url)));
    expect(overlapping).toEqual([]);
    // The check sees the routes it compares: the shell's own and plenty of the api's.
    expect(api.routes.filter((r) => shell.has(r.url)).length).toBeGreaterThanOrEqual(shellRoutes().length);
    expect(apiRoutes.length).toBeGreaterThan(50);
  });

  it.each(['/', '/sign-in', '/app', '/app/evaluations/3f0c/draft', '/publications', '/publications/2025/arg'])(
    'GET %s is the shell: index.html, revalidated on every load, under the strict CSP',
    async (url) => {
      const res = await api.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<div id="root"></div>');
      expect(res.body).toContain(`src="${entryJs}"`);
      // The configured contact, escaped, for the help every page shows.
      expect(res.body).toContain(`<meta name="${CONTACT_META_NAME}" content="help&amp;desk@treaty.example" />`);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
    },
  );

  it('hashed files come precompressed (brotli, else gzip, else plain) with a year-long immutable cache', async () => {
    for (const file of [entryJs, ...entryCss]) {
      const br = await api.app.inject({ method: 'GET', url: file, headers: { 'accept-encoding': 'gzip, br' } });
      expect(br.statusCode).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const gz = await api.app.inject({ method: 'GET', url: file, headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      const none = await api.app.inject({ method: 'GET', url: file, headers: { 'accept-encoding': 'identity' } });
      expect(none.headers['content-encoding']).toBeUndefined();
      expect(Number(br.headers['content-length'])).toBeLessThan(Number(none.headers['content-length']));
    }
  });

  it('a hashed file that does not exist, and any path outside the app, stay problem+json 404s', async () => {
    for (const url of ['/app/assets/index-missing.js', '/no-such-route', '/sign-in/extra']) {
      const res = await api.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(PROBLEM);
    }
  });

  it('api answers are never compressed at run time', async () => {
    const res = await api.app.inject({
      method: 'GET',
      url: '/public/reports',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('a write to an app path is no page: 404 problem+json', async () => {
    const res = await api.app.inject({ method: 'POST', url: '/sign-in', payload: {} });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(PROBLEM);
  });
});
