import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CspGuard } from './csp-guard';

/**
 * Debian's Chromium, headless. `npm test` installs it and passes its path; the flags keep it from
 * calling home (this machine has no network beyond loopback) and let it run as root in CI.
 * `hostMap` sends other host names to the loopback address (e.g. a pilot's http://pilot.test).
 */
export async function launchChromium(options: { hostMap?: string[] } = {}): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH;
  if (!executablePath) throw new Error('CHROMIUM_PATH is not set: run the browser suites through `npm test`');
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ];
  if (options.hostMap?.length) {
    args.push(`--host-resolver-rules=${options.hostMap.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}`);
  }
  return chromium.launch({ executablePath, headless: true, args });
}

/** One person's browser tab, watched for CSP violations from its first page on. */
export interface BrowserSession {
  page: Page;
  context: BrowserContext;
  /** Another tab of the same browser (cookies shared), watched for CSP violations too. */
  newTab(): Promise<Page>;
  /** Fails on any CSP violation the pages raised, then closes the tab's context. */
  finish(): Promise<void>;
}

/** Opens a fresh context (no cookies) with the person's browser language. */
export async function openSession(browser: Browser, options: { locale: string }): Promise<BrowserSession> {
  const context = await browser.newContext({
    locale: options.locale,
    extraHTTPHeaders: { 'accept-language': options.locale },
  });
  const page = await context.newPage();
  const guards = [await CspGuard.watch(page)];
  let finished = false;
  return {
    page,
    context,
    newTab: async () => {
      const tab = await context.newPage();
      guards.push(await CspGuard.watch(tab));
      return tab;
    },
    finish: async () => {
      if (finished) return;
      finished = true;
      try {
        for (const guard of guards) guard.expectNone();
      } finally {
        await context.close();
      }
    },
  };
}
