// The browser helpers can fail: each is shown a page with the fault it exists to catch.
import type { Browser } from 'playwright-core';
import { expectAccessible, KeyboardUser, launchChromium, openSession } from './harness';

describe('browser test helpers', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the CSP guard fails on a script the policy blocks', async () => {
    const session = await openSession(browser, { locale: 'en' });
    await session.page.setContent(
      `<meta http-equiv="Content-Security-Policy" content="script-src 'none'"><main><h1>Page</h1><script>document.title = 'ran'</script></main>`,
    );
    await session.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await session.page.title()).not.toBe('ran');
    await expect(session.finish()).rejects.toThrow(/script-src/);
  });

  it('axe fails on an image without a text alternative and a field without a label, naming them', async () => {
    const session = await openSession(browser, { locale: 'en' });
    await session.page.setContent(
      `<html lang="en"><title>Faulty</title><main><h1>Faulty page</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></main></html>`,
    );
    const failure = expectAccessible(session.page, 'a faulty page');
    await expect(failure).rejects.toThrow(/image-alt/);
    await expect(failure).rejects.toThrow(/label/);
    await session.finish();
  });

  it('the keyboard user fails when the focus lands elsewhere, or cannot be seen', async () => {
    const session = await openSession(browser, { locale: 'en' });
    await session.page.setContent(
      `<html lang="en"><title>Focus</title><style>#hidden:focus{outline:none}</style><main><h1>Focus</h1><button>Visible</button><button id="hidden">Hidden focus</button></main></html>`,
    );
    const keyboard = new KeyboardUser(session.page);
    await expect(keyboard.tab({ role: 'button', name: 'Another name' })).rejects.toThrow(
      /focus is on button "Visible", expected button "Another name"/,
    );
    await expect(keyboard.tab({ role: 'button', name: 'Hidden focus' })).rejects.toThrow(/cannot be seen/);
    await keyboard.shiftTab({ role: 'button', name: 'Visible' });
    await session.finish();
  });
});
