import { appRoutes, type AppRouteName } from '@mesecvi/web-links';

/** Where the signed-in pages are mounted: their routes are read relative to it. */
export const SIGNED_IN_BASE = '/app';

/** One page of the signed-in router, named after the link definition it serves. */
export interface SignedInRoute {
  id: AppRouteName;
  /** Relative to `/app`; absent for the home (the index route). */
  path?: string;
  index?: true;
}

function relative(pattern: string): string {
  return pattern === SIGNED_IN_BASE ? '' : pattern.slice(SIGNED_IN_BASE.length + 1);
}

/** Every linkable page, in the router's terms: built from the same definitions the mails use. */
export const SIGNED_IN_ROUTES: SignedInRoute[] = (Object.keys(appRoutes) as AppRouteName[]).map((id) => {
  const path = relative(appRoutes[id].pattern);
  return path === '' ? { id, index: true } : { id, path };
});
