import type { Page } from 'playwright-core';

/**
 * Signs in through the sign-in page's own form, asked to return to `path` (an `/app…` path), and
 * waits until the app has brought the person there.
 */
export async function signInAndOpen(
  page: Page,
  baseUrl: string,
  account: { email: string; password: string },
  path: string,
): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?returnTo=${encodeURIComponent(path)}`);
  await page.locator('#email').fill(account.email);
  await page.locator('#password').fill(account.password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((at) => at.pathname === path);
}
