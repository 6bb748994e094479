// Every page a mail may link to has its page in the web app's router, and only that one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoutes, fillPattern, patternParameters, type AppRouteName } from '@mesecvi/web-links';
import { SIGNED_IN_BASE, SIGNED_IN_ROUTES, type SignedInRoute } from '../../apps/web/src/signed-in/signed-in-routes';

/** The router's reading of a relative route: `:name` takes one segment, anything else is literal. */
function matches(route: SignedInRoute, pathname: string): boolean {
  const segments = pathname.slice(SIGNED_IN_BASE.length).split('/').filter(Boolean);
  const expected = route.index ? [] : (route.path ?? '').split('/');
  return (
    segments.length === expected.length &&
    expected.every((part, i) => part.startsWith(':') || part === decodeURIComponent(segments[i] ?? ''))
  );
}

describe('the signed-in router', () => {
  it.each(Object.keys(appRoutes) as AppRouteName[])('has exactly one page for a link to %s', (name) => {
    const route = appRoutes[name];
    const args = patternParameters(route.pattern).map((_, i) => `0000000${i}-0000-4000-8000-000000000000`);
    const link = fillPattern(route.pattern, args);
    expect(SIGNED_IN_ROUTES.filter((r) => matches(r, link)).map((r) => r.id)).toEqual([name]);
  });

  it('mounts its pages from the link definitions only, its catch-all aside', () => {
    // A page written with its own path could drift from the links the mails carry.
    const source = readFileSync(join(__dirname, '../../apps/web/src/signed-in/signed-in-app.tsx'), 'utf8');
    expect(source).toContain('SIGNED_IN_ROUTES.map');
    expect([...source.matchAll(/\bpath="([^"]*)"/g)].map((m) => m[1])).toEqual(['*']);
    expect(source).not.toMatch(/<Route index\b/);
  });
});
