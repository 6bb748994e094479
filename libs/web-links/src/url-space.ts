/**
 * The paths the web application owns. A GET on any of them serves the app's shell; every other
 * path is the api's. The api has no prefix, so these are kept few and named so that no resource
 * of the api will take them: the api's route table is checked against this list.
 */
export const APP_EXACT_PATHS = ['/', '/sign-in'] as const;

/** Whole subtrees: `/app/…` (everything signed in) and `/publications/…` (the public portal). */
export const APP_SUBTREES = ['/app', '/publications'] as const;

/** Where the build puts hashed files, inside the app's own subtree so it takes no api path. */
export const ASSETS_PREFIX = '/app/assets/';

/** The first path segments the app owns: an api route starting with one of them is an overlap. */
export const APP_SEGMENTS: readonly string[] = [...APP_EXACT_PATHS, ...APP_SUBTREES]
  .map((p) => p.split('/')[1] ?? '')
  .filter((segment) => segment !== '');

/** The sign-in page: where every "sign in" link of the api's pages and mails leads. */
export const SIGN_IN_PATH = '/sign-in';

/** Whether a path (no query) is the app's: the api serves the shell for a GET on it. */
export function isAppPath(pathname: string): boolean {
  return (
    (APP_EXACT_PATHS as readonly string[]).includes(pathname) ||
    APP_SUBTREES.some((subtree) => pathname === subtree || pathname.startsWith(`${subtree}/`))
  );
}
