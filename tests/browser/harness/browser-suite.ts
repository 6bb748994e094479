import type { Browser } from 'playwright-core';
import { launchChromium, openSession, type BrowserSession } from './chromium';
import { startServedApi, type ServedApi } from './served-api';

/** What a browser suite works with; `served` and `browser` exist once its beforeAll has run. */
export interface BrowserSuite {
  readonly served: ServedApi;
  readonly browser: Browser;
  /** A person's tab, in her browser language; its CSP guard is checked after the test. */
  open(locale: string): Promise<BrowserSession>;
}

/**
 * Registers a browser suite's set-up and tear-down: its own api (public base URL on its port,
 * or on `host`, mapped to the loopback address; `env` adds to its configuration) and Chromium; every session opened in a test is
 * finished after it, which fails the test on any CSP violation.
 */
export function browserSuite(options: { host?: string; env?: Record<string, string> } = {}): BrowserSuite {
  let served: ServedApi | undefined;
  let browser: Browser | undefined;
  const sessions: BrowserSession[] = [];
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started yet: use it inside a test`);
    return value;
  };

  beforeAll(async () => {
    served = await startServedApi({ host: options.host, env: options.env });
    browser = await launchChromium({ hostMap: options.host ? [options.host] : [] });
  });
  afterEach(async () => {
    for (const session of sessions.splice(0)) await session.finish();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  return {
    get served() {
      return ready(served, 'the served api');
    },
    get browser() {
      return ready(browser, 'the browser');
    },
    open: async (locale) => {
      const session = await openSession(ready(browser, 'the browser'), { locale });
      sessions.push(session);
      return session;
    },
  };
}
