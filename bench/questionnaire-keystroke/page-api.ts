// The few api answers the section page needs, given to the page by Playwright instead of an api:
// the page's keystroke cost is the browser's alone, and both pages of the benchmark get the same
// answers but for the questionnaire (all of it, or one item).
import type { Page, Route } from 'playwright-core';
import { EVIDENCE_FILE_TYPES } from '@mesecvi/submissions';
import { EVALUATION_ID, type ServedQuestionnaire } from './served-questionnaire';

const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token shaped like the api's (the page reads only its issue time, for the server's clock). */
function accessToken(): string {
  const now = Math.floor(Date.now() / 1000);
  return `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ sub: 'bench', iat: now, exp: now + 900 })}.bench`;
}

const ACCOUNT = {
  id: '1b1c1c8e-7d0a-4d57-9a51-1f2f0c3b9a10',
  email: 'point.focal@example.test',
  name: 'Point focal',
  role: 'state_focal_point',
  stateCode: 'HTI',
  status: 'active',
  preferredLanguage: 'fr',
  language: 'fr',
  createdAt: '2026-11-23T14:00:00.000Z',
};

const HAITI = {
  code: 'HTI',
  name: { en: 'Haiti', es: 'Haití', fr: 'Haïti', pt: 'Haiti' },
  workingLanguage: 'fr',
  oasMembership: 'member',
  ratificationDate: '1997-04-07',
  version: 1,
};

const json = (route: Route, status: number, body: unknown): Promise<void> =>
  route.fulfill({
    status,
    contentType: status >= 400 ? 'application/problem+json' : 'application/json',
    body: JSON.stringify(body),
  });

/**
 * Answers the session refresh, `/me`, the states parties (Haiti), the evaluation, its questionnaire version (`questionnaire`), its draft
 * (none yet: 404), its evidence files (none yet) and the upload limits; any other api call the page makes fails the run, so nothing
 * unmeasured sneaks in.
 */
export async function answerApi(page: Page, origin: string, questionnaire: ServedQuestionnaire): Promise<string[]> {
  const unexpected: string[] = [];
  // Registered first: Playwright tries the routes registered last first.
  await page.route(
    (url) => url.origin === origin && !/^\/(app\/|assets\/|favicon|$)/.test(url.pathname),
    (route) => {
      unexpected.push(`${route.request().method()} ${new URL(route.request().url()).pathname}`);
      return json(route, 404, { type: 'about:blank', title: 'Not Found', status: 404 });
    },
  );
  await page.route(`${origin}/auth/session/refresh`, (route) =>
    json(route, 200, {
      accessToken: accessToken(),
      accessTokenExpiresAt: new Date(Date.now() + 900_000).toISOString(),
      account: ACCOUNT,
    }),
  );
  await page.route(`${origin}/me`, (route) => json(route, 200, ACCOUNT));
  await page.route(`${origin}/states-parties`, (route) => json(route, 200, [HAITI]));
  const { evaluation, ...version } = questionnaire;
  await page.route(`${origin}/evaluations/${EVALUATION_ID}`, (route) => json(route, 200, evaluation));
  await page.route(
    (url) => url.origin === origin && url.pathname === `/questionnaires/${version.key}/versions/${version.version}`,
    (route) => json(route, 200, version),
  );
  await page.route(`${origin}/evaluations/${EVALUATION_ID}/draft`, (route) =>
    json(route, 404, { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No draft yet' }),
  );
  await page.route(`${origin}/evaluations/${EVALUATION_ID}/attachments`, (route) => json(route, 200, []));
  await page.route(`${origin}/attachments/limits`, (route) =>
    json(route, 200, { maxBytes: 25 * 1024 * 1024, types: EVIDENCE_FILE_TYPES }),
  );
  return unexpected;
}
