import { appRoutes, patternParameters, serverPages, webLink } from './app-routes';
import { isAppPath } from './url-space';

describe("the app's linkable pages", () => {
  const routes = Object.entries(appRoutes);

  it('lie in the signed-in subtree, each pattern once', () => {
    for (const [, route] of routes) expect(isAppPath(route.pattern)).toBe(true);
    expect(new Set(routes.map(([, route]) => route.pattern)).size).toBe(routes.length);
  });

  it('fill every parameter, percent-encoded, and nothing else', () => {
    expect(appRoutes.evaluation.path('9b1c')).toBe('/app/evaluations/9b1c');
    expect(appRoutes.evaluationReview.path('a/b?c')).toBe('/app/evaluations/a%2Fb%3Fc/review');
    expect(appRoutes.failedMail.path()).toBe('/app/outbox/failed');
    expect(patternParameters(appRoutes.deadline.pattern)).toEqual(['id']);
  });

  it('make absolute links under the public base URL, with or without its trailing slash', () => {
    const path = appRoutes.evaluationReport.path('e1');
    expect(webLink('https://mesecvi.example/', path)).toBe('https://mesecvi.example/app/evaluations/e1/report');
    expect(webLink('http://10.0.0.5:3000', path)).toBe('http://10.0.0.5:3000/app/evaluations/e1/report');
  });

  it('add a query when given one, encoded', () => {
    expect(webLink('http://x.test', serverPages.focalPoint.path(), { lang: 'fr' })).toBe(
      'http://x.test/focal-point?lang=fr',
    );
    expect(webLink('http://x.test', '/p', { a: 'b c&d' })).toBe('http://x.test/p?a=b+c%26d');
  });
});

describe("the api's own pages that mails link to", () => {
  it('lie outside the app, so no sign-in page stands before them', () => {
    for (const page of Object.values(serverPages)) expect(isAppPath(page.pattern)).toBe(false);
    expect(serverPages.invitation.path('t0k/en')).toBe('/account/invitation/t0k%2Fen');
  });
});
