// Autosave that never loses an answer, as Haiti's focal point and a contributor of her ministry
// work: typing on through many saves never meets a 412; the network cut across save cycles, an
// access-token expiry (the demo clock), a reload while offline and a closed tab lose nothing (the
// draft read through the API holds every value typed); two people editing other questions are
// both kept, the same question shows the later one both versions; a cleared field and a deleted
// row stay gone; a half-typed web address does not hold back the section's other answers.
import type { Page, Response } from 'playwright-core';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { en } from '../../apps/web/src/i18n/en';
import { formMessages } from '../../apps/web/src/questionnaire/form-messages';
import { createAccount, login, type TestAccount } from '../harness';
import { openRoundFor } from '../harness/submission-fixtures';
import { asTestApi, browserSuite, expectAccessible, KeyboardUser, signInAndOpen, type BrowserSession } from './harness';

interface Texts {
  fields: Record<string, string>;
  items: Record<string, { label: string }>;
}

const m = formMessages.en;
const SECTION = 'legislation';

describe('autosave in the browser', () => {
  const suite = browserSuite();
  let secretariat: TestAccount;
  let focal: TestAccount;
  let contributor: TestAccount;
  let texts: Texts;
  const url = (path: string): string => `${suite.served.baseUrl}${path}`;

  async function bearerOf(account: TestAccount): Promise<string> {
    return (await login(suite.served, account.email, account.password)).bearer;
  }

  let rounds = 0;
  /** A fresh round (and so a fresh draft of Haiti's) for each journey. */
  async function newEvaluation(): Promise<string> {
    const api = asTestApi(suite.served);
    rounds += 1;
    const { evaluations } = await openRoundFor(api, await bearerOf(secretariat), {
      number: 40 + rounds,
      questionnaireVersionId: (await suite.served.app.get(QuestionnaireRegistry).current('evaluation-round')).id,
      responseDueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      stateCodes: ['HTI'],
    });
    return evaluations.HTI;
  }

  /** The draft as the API reads it back. */
  async function serverDraft(evaluationId: string): Promise<Record<string, Record<string, unknown>>> {
    const res = await suite.served
      .http()
      .get(`/evaluations/${evaluationId}/draft`)
      .set('authorization', await bearerOf(focal))
      .expect(200);
    return (res.body as { document: Record<string, Record<string, unknown>> }).document;
  }

  /** A person's browser with a short quiet time before each save, so cycles come quickly. */
  async function signedIn(account: TestAccount, path: string, delayMs = 150): Promise<BrowserSession> {
    const session = await suite.open('en-US');
    await session.context.addInitScript((delay) => {
      try {
        window.localStorage.setItem('mesecvi.autosaveDelayMs', delay);
      } catch {
        // an error page (offline) has no storage
      }
    }, String(delayMs));
    const { page } = session;
    await signInAndOpen(page, suite.served.baseUrl, account, path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return session;
  }

  const item = (page: Page, id: string) => page.getByRole('group', { name: texts.items[id].label, exact: true });
  const comment = (page: Page, id: string) => item(page, id).getByRole('textbox', { name: texts.fields.comment });
  /** Waits until the page says where saving stands (set as soon as a change is made). */
  const shows = (page: Page, status: 'saved' | 'offline') => page.locator(`[data-save-status="${status}"]`).waitFor();
  const saved = (page: Page) => page.locator('[data-save-status="saved"]').getByText('Saved at').waitFor();
  const comments = (draft: Record<string, Record<string, unknown>>) =>
    Object.fromEntries(Object.entries(draft).map(([id, answer]) => [id, answer.comment]));

  beforeAll(async () => {
    const ds = suite.served.ds;
    secretariat = await createAccount(ds, { role: 'secretariat' });
    focal = await createAccount(ds, { role: 'state_focal_point', stateCode: 'HTI', language: 'en' });
    contributor = await createAccount(ds, { role: 'state_contributor', stateCode: 'HTI', language: 'en' });
    const evaluationId = await newEvaluation();
    const served = await suite.served
      .http()
      .get(`/evaluations/${evaluationId}/questionnaire`)
      .set('authorization', await bearerOf(focal))
      .expect(200);
    texts = (served.body as { texts: Texts }).texts;
  });

  it('typing on through twenty saves: one save at a time, none answered 412, each sends only the change', async () => {
    const evaluationId = await newEvaluation();
    // No quiet time: a save starts at each key while the previous one may be in flight.
    const { page } = await signedIn(focal, `/app/evaluations/${evaluationId}/sections/${SECTION}`, 0);
    const statuses: number[] = [];
    const bodies: number[] = [];
    page.on('response', (response: Response) => {
      const request = response.request();
      if (request.method() === 'PATCH' && request.url().endsWith('/draft')) {
        statuses.push(response.status());
        bodies.push(Buffer.byteLength(request.postData() ?? ''));
      }
    });
    const text = 'Adopted in 2020 and amended in 2023 after consultation.';
    await comment(page, 'LEG-02').pressSequentially(text, { delay: 40 });
    await saved(page);
    expect((await serverDraft(evaluationId))['LEG-02']).toEqual({ comment: text });
    process.stdout.write(
      `[autosave] ${statuses.length} saves while typing ${text.length} characters; statuses ${[...new Set(statuses)].join(',')}; largest body ${Math.max(...bodies)} bytes\n`,
    );
    expect(statuses.length).toBeGreaterThanOrEqual(20);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    // Only the changed item travels: never more than the item's own JSON and its key.
    expect(Math.max(...bodies)).toBeLessThanOrEqual(Buffer.byteLength(JSON.stringify({ 'LEG-02': { comment: text } })));
    await expectAccessible(page, 'section with its save state (en)');
  });

  it('loses nothing across a network cut, an access-token expiry, a reload while offline and a closed tab', async () => {
    const evaluationId = await newEvaluation();
    const path = `/app/evaluations/${evaluationId}/sections/${SECTION}`;
    const session = await signedIn(focal, path);
    const { page, context } = session;
    await comment(page, 'LEG-02').fill('Online first.');
    await saved(page);

    // Offline through two save cycles: each fails, the page says so, nothing is lost.
    await context.setOffline(true);
    await comment(page, 'LEG-03').fill('Typed offline, cycle one.');
    await shows(page, 'offline');
    await comment(page, 'LEG-04').fill('Typed offline, cycle two.');
    await shows(page, 'offline');
    await page.getByText(m['save.offline']).waitFor();

    // Ten days on (the demo clock): her access token has expired while she was offline.
    await suite.served
      .http()
      .post('/demo/clock')
      .set('authorization', await bearerOf(secretariat))
      .send({ days: 10 })
      .expect(200);
    await context.setOffline(false);
    await saved(page);
    expect(comments(await serverDraft(evaluationId))).toEqual({
      'LEG-02': 'Online first.',
      'LEG-03': 'Typed offline, cycle one.',
      'LEG-04': 'Typed offline, cycle two.',
    });

    // Offline again: a change, then a reload that cannot reach the platform.
    await context.setOffline(true);
    await comment(page, 'LEG-05').fill('Typed before the reload.');
    await shows(page, 'offline');
    await expect(page.reload()).rejects.toThrow();
    await context.setOffline(false);
    await page.goto(url(path));
    await saved(page);
    expect(await comment(page, 'LEG-05').inputValue()).toBe('Typed before the reload.');
    expect((await serverDraft(evaluationId))['LEG-05']).toEqual({ comment: 'Typed before the reload.' });

    // Offline, a change; signing out tells her what is unsent and she stays; then the tab closed.
    await context.setOffline(true);
    await comment(page, 'LEG-06').fill('Typed before closing the tab.');
    await shows(page, 'offline');
    await page.getByRole('button', { name: en['layout.signOut'] }).click();
    const unsent = page.getByRole('alertdialog', { name: en['layout.unsentTitle'] });
    await unsent.getByText(texts.items['LEG-06'].label, { exact: false }).waitFor();
    await unsent.getByRole('button', { name: en['layout.unsentStay'] }).click();
    expect(new URL(page.url()).pathname).toBe(path);
    await page.close();
    await context.setOffline(false);
    const reopened = await session.newTab();
    await reopened.goto(url(path));
    await saved(reopened);

    expect(comments(await serverDraft(evaluationId))).toEqual({
      'LEG-02': 'Online first.',
      'LEG-03': 'Typed offline, cycle one.',
      'LEG-04': 'Typed offline, cycle two.',
      'LEG-05': 'Typed before the reload.',
      'LEG-06': 'Typed before closing the tab.',
    });
    // Nothing unsent: signing out goes straight through and leaves no local copy.
    await reopened.getByRole('button', { name: en['layout.signOut'] }).click();
    await reopened.getByText(en['signIn.signedOut']).waitFor();
    const kept = await reopened.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('mesecvi-drafts');
          open.onerror = () => reject(new Error('no database'));
          open.onsuccess = () => {
            const count = open.result.transaction('drafts').objectStore('drafts').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    expect(kept).toBe(0);
  }, 90_000);

  it('two people of the state: other questions are both kept without a prompt; the same question shows the later one both answers', async () => {
    const evaluationId = await newEvaluation();
    const path = `/app/evaluations/${evaluationId}/sections/${SECTION}`;
    const first = (await signedIn(focal, path)).page;
    const second = (await signedIn(contributor, path)).page;

    await comment(first, 'LEG-02').fill('From the focal point.');
    await saved(first);
    // The contributor's page still holds the draft before that save: hers meets a 412 and is rebased.
    await comment(second, 'LEG-03').fill('From the contributor.');
    await saved(second);
    expect(comments(await serverDraft(evaluationId))).toEqual({
      'LEG-02': 'From the focal point.',
      'LEG-03': 'From the contributor.',
    });
    expect(await second.getByRole('alertdialog').count()).toBe(0);
    // The contributor's page took the focal point's answer in.
    expect(await comment(second, 'LEG-02').inputValue()).toBe('From the focal point.');

    await comment(first, 'LEG-04').fill('The focal point says so.');
    await saved(first);
    await comment(second, 'LEG-04').fill('The contributor says otherwise.');
    const dialog = second.getByRole('alertdialog', { name: m['conflict.title'] });
    await dialog.waitFor();
    const words = await dialog.innerText();
    expect(words).toContain(texts.items['LEG-04'].label);
    expect(words).toContain('The focal point says so.');
    expect(words).toContain('The contributor says otherwise.');
    expect(words).not.toMatch(/LEG-04|\/comment|\{/);
    expect((await serverDraft(evaluationId))['LEG-04']).toEqual({ comment: 'The focal point says so.' });
    await expectAccessible(second, 'conflict of one question (en)');
    // She keeps hers, with the keyboard: the two choices follow each other.
    const keyboard = new KeyboardUser(second);
    await dialog.getByRole('button', { name: m['conflict.keepTheirs'] }).focus();
    await keyboard.shiftTab({ role: 'button', name: m['conflict.keepMine'] });
    await keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await saved(second);
    expect((await serverDraft(evaluationId))['LEG-04']).toEqual({ comment: 'The contributor says otherwise.' });
  }, 60_000);

  it('a cleared field and a deleted row stay gone after a reload; a half-typed web address holds back only itself', async () => {
    const evaluationId = await newEvaluation();
    const path = `/app/evaluations/${evaluationId}/sections/${SECTION}`;
    const { page } = await signedIn(focal, path);
    const leg01 = item(page, 'LEG-01');
    const rows = () => leg01.getByRole('group', { name: /^Row \d+$/ });
    await leg01.getByRole('textbox', { name: texts.fields.name }).first().fill('Law one');
    await leg01.getByRole('button', { name: `${m.addRow} (${texts.fields.citations})` }).click();
    await rows().nth(1).getByRole('textbox', { name: texts.fields.name }).fill('Law two');
    await comment(page, 'LEG-01').fill('To be cleared.');
    await saved(page);
    expect((await serverDraft(evaluationId))['LEG-01']).toEqual({
      citations: [{ name: 'Law one' }, { name: 'Law two' }],
      comment: 'To be cleared.',
    });

    await comment(page, 'LEG-01').fill('');
    await leg01.getByRole('button', { name: m.removeRow.replace('{number}', '2') }).click();
    await saved(page);
    expect((await serverDraft(evaluationId))['LEG-01']).toEqual({ citations: [{ name: 'Law one' }] });
    await page.reload();
    await saved(page);
    expect(await comment(page, 'LEG-01').inputValue()).toBe('');
    expect(await rows().count()).toBe(1);
    expect((await serverDraft(evaluationId))['LEG-01']).toEqual({ citations: [{ name: 'Law one' }] });

    // A web address half typed: refused by the platform, kept here with its message; the
    // section's other answer is saved all the same.
    const address = item(page, 'LEG-01').getByRole('textbox', { name: texts.fields.url }).first();
    await address.fill('htt');
    await comment(page, 'LEG-02').fill('Saved despite the address.');
    // Its message, in her language, tied to the field (read with it by a screen reader).
    await item(page, 'LEG-01').getByText(m['problem.format']).waitFor();
    await saved(page);
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    expect(
      await address.evaluate((el) =>
        el
          .getAttribute('aria-describedby')
          ?.split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' '),
      ),
    ).toContain(m['problem.format']);
    const draft = await serverDraft(evaluationId);
    expect([draft['LEG-01'], draft['LEG-02']]).toEqual([
      { citations: [{ name: 'Law one' }] },
      { comment: 'Saved despite the address.' },
    ]);
    expect(await address.inputValue()).toBe('htt');
    await expectAccessible(page, 'section with a refused web address (en)');
    await address.fill('https://www.moniteur.ht/loi');
    await saved(page);
    expect((await serverDraft(evaluationId))['LEG-01']).toEqual({
      citations: [{ name: 'Law one', url: 'https://www.moniteur.ht/loi' }],
    });
    expect(await page.getByText(m['problem.format']).count()).toBe(0);
  }, 60_000);
});
