import { APP_SEGMENTS, isAppPath, SIGN_IN_PATH } from './url-space';

describe("the app's URL space", () => {
  it('owns its exact paths and its two subtrees, nothing else', () => {
    for (const path of ['/', '/sign-in', '/app', '/app/evaluations/1', '/publications', '/publications/2025/x'])
      expect(isAppPath(path)).toBe(true);
    for (const path of [
      '/sign-in/x',
      '/application',
      '/apps',
      '/publicationsx',
      '/reports',
      '/public/reports',
      '/docs',
    ])
      expect(isAppPath(path)).toBe(false);
  });

  it('names the first segments an api route must never start with', () => {
    expect([...APP_SEGMENTS].sort()).toEqual(['app', 'publications', 'sign-in']);
    expect(isAppPath(SIGN_IN_PATH)).toBe(true);
  });
});
