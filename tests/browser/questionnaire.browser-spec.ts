// Answering the questionnaire, as Haiti's focal point does it: the Fourth round distributed, she
// opens it in French, goes through every section (each item a group with its French label, no
// word of the schema or of English), fills one field of each kind with the keyboard alone, and
// uses it on a phone-sized screen. Axe on the task list and every section, under the real CSP.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { en } from '../../apps/web/src/i18n/en';
import { formMessages } from '../../apps/web/src/questionnaire/form-messages';
import { createAccount, login, type TestAccount } from '../harness';
import { openRoundFor } from '../harness/submission-fixtures';
import { asTestApi, browserSuite, expectAccessible, KeyboardUser, signInAndOpen } from './harness';
import { schemaWords } from '../harness/schema-words';

interface ServedQuestionnaire {
  items: Array<{ id: string; theme: string }>;
  texts: {
    themes: Record<string, string>;
    fields: Record<string, string>;
    options: Record<string, string>;
    items: Record<string, { label: string; help?: string }>;
  };
  schema: unknown;
}

/** What a person reads on the page's form: labels, legends, hints, options, buttons, headings, links. */
function visibleWords(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(
      document.querySelectorAll('main label, main legend, main .q-hint, main option, main button, main h1, main a'),
    )
      .filter((el) => el.tagName === 'OPTION' || (el as HTMLElement).offsetParent !== null)
      .map((el) => (el.textContent ?? '').replace(/\s*\*$/, '').trim())
      .filter((text) => text !== ''),
  );
}

/** With `BROWSER_SCREENSHOTS=<dir>`, what the screen shows now (not the whole page), to look at. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.BROWSER_SCREENSHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

describe('answering the questionnaire in the browser', () => {
  const suite = browserSuite();
  let focalHti: TestAccount;
  let evaluationId: string;
  let questionnaire: ServedQuestionnaire;
  const url = (path: string): string => `${suite.served.baseUrl}${path}`;

  beforeAll(async () => {
    const api = asTestApi(suite.served);
    const ds = suite.served.ds;
    const secretariat = await createAccount(ds, { role: 'secretariat' });
    focalHti = await createAccount(ds, { role: 'state_focal_point', stateCode: 'HTI', language: 'fr' });
    const admin = (await login(api, secretariat.email, secretariat.password)).bearer;
    const { evaluations } = await openRoundFor(api, admin, {
      number: 4,
      questionnaireVersionId: (await suite.served.app.get(QuestionnaireRegistry).current('evaluation-round')).id,
      responseDueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      stateCodes: ['HTI'],
    });
    evaluationId = evaluations.HTI;
    const focal = (await login(api, focalHti.email, focalHti.password)).bearer;
    const served = await api
      .http()
      .get(`/evaluations/${evaluationId}/questionnaire`)
      .set('authorization', focal)
      .expect(200);
    questionnaire = served.body as ServedQuestionnaire;
    expect((questionnaire as unknown as { language: string }).language).toBe('fr');
  });

  const signedIn = (page: Page, path: string): Promise<void> =>
    signInAndOpen(page, suite.served.baseUrl, focalHti, path);

  it('every section reads in French: each item a group with its French label, no key, value, title or English word', async () => {
    const { page } = await suite.open('fr-HT');
    await signedIn(page, `/app/evaluations/${evaluationId}`);
    await page.getByRole('heading', { level: 2, name: formMessages.fr.taskListTitle }).waitFor();
    const themes = [...new Set(questionnaire.items.map((item) => item.theme))];
    expect(await page.getByText(formMessages.fr['status.notStarted'], { exact: true }).count()).toBe(themes.length);
    await expectAccessible(page, 'task list (fr)');

    const forbidden = new Set<string>([
      ...questionnaire.items.map((item) => item.id),
      ...schemaWords(questionnaire.schema),
      ...Object.values(en),
      ...Object.values(formMessages.en),
    ]);
    const french = new Set<string>([
      ...Object.values(questionnaire.texts.fields),
      ...Object.values(questionnaire.texts.options),
      ...Object.values(formMessages.fr),
    ]);
    for (const theme of themes) {
      await page.getByRole('link', { name: questionnaire.texts.themes[theme], exact: true }).click();
      await page.getByRole('heading', { level: 1, name: questionnaire.texts.themes[theme] }).waitFor();
      for (const item of questionnaire.items.filter((i) => i.theme === theme)) {
        const label = questionnaire.texts.items[item.id].label;
        expect([item.id, await page.getByRole('group', { name: label, exact: true }).count()]).toEqual([item.id, 1]);
      }
      // A word in French may be spelt like a key or like English ("Description", "Budget"): it is
      // then the questionnaire's French text itself, which is what is allowed.
      const leaks = (await visibleWords(page)).filter(
        (text) => forbidden.has(text) && !french.has(text) && !/^[A-Z]{3}$/.test(text),
      );
      expect([theme, leaks]).toEqual([theme, []]);
      await expectAccessible(page, `section ${theme} (fr)`);
      await page.getByRole('link', { name: formMessages.fr.backToSections }).first().click();
      await page.getByRole('heading', { level: 2, name: formMessages.fr.taskListTitle }).waitFor();
    }
  }, 120_000);

  it('the keyboard alone fills one field of each kind; a phone-sized screen shows the section without sideways scrolling', async () => {
    const { page } = await suite.open('fr-HT');
    const { fields, options } = questionnaire.texts;
    const keyboard = new KeyboardUser(page);

    // Legislation: a choice among a few, a new row of citations, a short text, a web address, a long text.
    await signedIn(page, `/app/evaluations/${evaluationId}/sections/legislation`);
    await page.getByRole('heading', { level: 1, name: questionnaire.texts.themes.legislation }).waitFor();
    await shot(page, 'legislation-top');
    await keyboard.tabTo({ role: 'radio', name: options.constitutional });
    await keyboard.press('Space');
    expect(await page.getByRole('radio', { name: options.constitutional }).first().isChecked()).toBe(true);
    await keyboard.tabTo({ role: 'textbox', name: fields.name });
    await keyboard.type('Loi sur la prévention des violences');
    await keyboard.tabTo({ role: 'textbox', name: fields.url });
    await keyboard.type('https://www.moniteur.ht/loi-2020');
    await keyboard.tabTo({ role: 'button', name: `${formMessages.fr.addRow} (${fields.citations})` });
    await keyboard.press('Enter');
    await keyboard.shiftTab({ role: 'button', name: formMessages.fr.removeRow.replace('{number}', '2') });
    await keyboard.tabTo({ role: 'textbox', name: fields.comment });
    await keyboard.type('Adoptée en 2020.');
    const row = page.getByRole('group', { name: formMessages.fr.row.replace('{number}', '1') }).first();
    expect(await row.getByRole('textbox', { name: fields.name }).inputValue()).toBe(
      'Loi sur la prévention des violences',
    );
    expect(await row.getByRole('textbox', { name: fields.url }).inputValue()).toBe('https://www.moniteur.ht/loi-2020');
    expect(await page.getByRole('textbox', { name: fields.comment }).first().inputValue()).toBe('Adoptée en 2020.');
    await shot(page, 'keyboard-legislation');

    // National plans: several of a list, a percentage, a year.
    await page.goto(url(`/app/evaluations/${evaluationId}/sections/national_plans`));
    await page.getByRole('heading', { level: 1, name: questionnaire.texts.themes.national_plans }).waitFor();
    await keyboard.tabTo({ role: 'checkbox', name: options.girls });
    await keyboard.press('Space');
    expect(await page.getByRole('checkbox', { name: options.girls }).isChecked()).toBe(true);
    await keyboard.tabTo({ role: 'spinbutton', name: fields.percentage });
    await keyboard.type('12.5');
    await keyboard.tabTo({ role: 'spinbutton', name: fields.fiscalYear });
    await keyboard.type('2025');
    expect(await page.getByRole('spinbutton', { name: fields.fiscalYear }).first().inputValue()).toBe('2025');
    // A statistic series: a year table's value, then the source of the figures.
    await keyboard.tabTo({ role: 'spinbutton', name: fields.value });
    await keyboard.type('340');
    await keyboard.tabTo({ role: 'textbox', name: fields.source });
    await keyboard.type('Ministère à la Condition féminine');
    await shot(page, 'keyboard-national-plans');

    // Budget: an amount with its currency (a list of codes) and year.
    await page.goto(url(`/app/evaluations/${evaluationId}/sections/budget`));
    await page.getByRole('heading', { level: 1, name: questionnaire.texts.themes.budget }).waitFor();
    await keyboard.tabTo({ role: 'spinbutton', name: fields.amount });
    await keyboard.type('1500000');
    await keyboard.tabTo({ role: 'combobox', name: fields.currency });
    await keyboard.type('HTG');
    expect(await page.getByRole('combobox', { name: fields.currency }).first().inputValue()).toBe('HTG');
    // A federal-unit breakdown: the unit of a row.
    await keyboard.tabTo({ role: 'textbox', name: fields.unit });
    await keyboard.type('Ouest');
    expect(await page.getByRole('textbox', { name: fields.unit }).first().inputValue()).toBe('Ouest');

    // A phone: 390 px wide, nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'section budget at 390 px (fr)');
    await shot(page, 'budget-390px');
  }, 120_000);

  it('the frozen questionnaire is asked for in her language and served immutable; opened again, the browser cache answers', async () => {
    const { page } = await suite.open('fr-HT');
    // Playwright's own interception is off here, so the page's requests meet Chromium's HTTP cache.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    const fromMemory = new Set<string>();
    cdp.on('Network.requestServedFromCache', ({ requestId }) => fromMemory.add(requestId));
    const served: Array<{ url: string; cacheControl?: string; fromCache: boolean }> = [];
    cdp.on('Network.responseReceived', ({ requestId, response }) => {
      if (!new URL(response.url).pathname.startsWith('/questionnaires/')) return;
      const cacheControl = Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'cache-control');
      served.push({
        url: response.url,
        cacheControl: cacheControl?.[1],
        fromCache: Boolean(response.fromDiskCache) || fromMemory.has(requestId),
      });
    });
    const sectionPath = `/app/evaluations/${evaluationId}/sections/budget`;
    const heading = page.getByRole('heading', { level: 1, name: questionnaire.texts.themes.budget });
    await signedIn(page, sectionPath);
    await heading.waitFor();
    await page.reload();
    await heading.waitFor();

    const { key, version } = questionnaire as unknown as { key: string; version: number };
    const versionUrl = url(`/questionnaires/${key}/versions/${version}?lang=fr`);
    expect(served).toEqual([
      { url: versionUrl, cacheControl: 'private, max-age=31536000, immutable', fromCache: false },
      { url: versionUrl, cacheControl: 'private, max-age=31536000, immutable', fromCache: true },
    ]);
  }, 60_000);
});
