// Checking the answers, submitting and the receipt, in French, with the keyboard. The journey:
// Haiti's focal point fills every item of the questionnaire through its fields with the keyboard
// alone, leaves one required answer empty, is stopped by the error summary, follows its link to the
// field, fixes it, checks her answers, submits and reads the receipt, whose sha256 is the stored
// version's; the stored version is the committed fixture (STA-06 cites a file sent beforehand
// through the api, chosen in the field's picker). Then: a contributor
// reads the answers but is told only the focal point submits; a submit whose
// answer the connection lost is pressed again and makes one version; the receipt's sha256 is the
// one the integrity check recomputes; a second version shows what changed in labels. The drafts
// of those are staged through the api.
import type { Page, Request } from 'playwright-core';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { describeIntegrity, verifySubmissions } from '@mesecvi/submissions';
import { evidenceMessages } from '../../apps/web/src/evidence/evidence-messages';
import { fr as catalogue } from '../../apps/web/src/i18n/fr';
import { formMessages } from '../../apps/web/src/questionnaire/form-messages';
import { submissionMessages } from '../../apps/web/src/submission/submission-messages';
import { createAccount, login, type TestAccount } from '../harness';
import { exampleAnswers, openRoundFor, uploadEvidence } from '../harness/submission-fixtures';
import { asTestApi, browserSuite, expectAccessible, KeyboardUser, signInAndOpen } from './harness';
import { fillSection } from './questionnaire-filler';
import haitiAnswers from './fixtures/haiti-answers.json';

const fr = submissionMessages.fr;
const fill = (text: string, params: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');

interface Texts {
  themes: Record<string, string>;
  fields: Record<string, string>;
  items: Record<string, { label: string }>;
}

describe('checking the answers, submitting and the receipt in the browser', () => {
  const suite = browserSuite();
  let secretariat: TestAccount;
  const focal: Record<string, TestAccount> = {};
  let contributorJam: TestAccount;
  let focalHti: TestAccount;
  /** The evidence file Haiti's focal point cites in STA-06. */
  let htiEvidence: string;
  let evaluations: Record<string, string>;
  let texts: Texts;
  const url = (path: string): string => `${suite.served.baseUrl}${path}`;
  const bearerOf = async (account: TestAccount): Promise<string> =>
    (await login(suite.served, account.email, account.password)).bearer;

  /** The whole example document saved as the state's draft (its evidence uploaded). */
  async function stageDraft(stateCode: string): Promise<void> {
    const bearer = await bearerOf(focal[stateCode]);
    const id = evaluations[stateCode];
    const answers = exampleAnswers(
      'valid-argentina-complete',
      await uploadEvidence(asTestApi(suite.served), bearer, id),
    );
    await suite.served
      .http()
      .put(`/evaluations/${id}/draft`)
      .set('authorization', bearer)
      .set('if-match', '"0"')
      .send(answers)
      .expect(200);
  }

  beforeAll(async () => {
    const api = asTestApi(suite.served);
    const ds = suite.served.ds;
    secretariat = await createAccount(ds, { role: 'secretariat' });
    for (const code of ['ARG', 'JAM'])
      focal[code] = await createAccount(ds, { role: 'state_focal_point', stateCode: code, language: 'fr' });
    contributorJam = await createAccount(ds, { role: 'state_contributor', stateCode: 'JAM', language: 'fr' });
    focalHti = await createAccount(ds, {
      role: 'state_focal_point',
      stateCode: 'HTI',
      language: 'fr',
      email: 'focal.hti@mesecvi.demo',
      name: 'Marie-Claire Joseph',
    });
    ({ evaluations } = await openRoundFor(api, await bearerOf(secretariat), {
      number: 4,
      questionnaireVersionId: (await suite.served.app.get(QuestionnaireRegistry).current('evaluation-round')).id,
      responseDueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      stateCodes: ['ARG', 'HTI', 'JAM'],
    }));
    // A file sent for Haiti's evaluation, which she cites in STA-06 (its evidence is required)
    // through the field's picker; sending a file from the page is the evidence suite's journey.
    [htiEvidence] = await uploadEvidence(api, await bearerOf(focalHti), evaluations.HTI, 1);
    await stageDraft('ARG');
    await stageDraft('JAM');
    const served = await suite.served
      .http()
      .get(`/evaluations/${evaluations.JAM}/questionnaire`)
      .set('authorization', await bearerOf(focal.JAM))
      .expect(200);
    texts = (served.body as { texts: Texts }).texts;
  });

  const signedIn = (page: Page, account: TestAccount, path: string): Promise<void> =>
    signInAndOpen(page, suite.served.baseUrl, account, path);

  const versionsOf = async (stateCode: string): Promise<Array<{ versionNumber: number; sha256: string }>> =>
    (
      await suite.served
        .http()
        .get(`/evaluations/${evaluations[stateCode]}/submissions`)
        .set('authorization', await bearerOf(secretariat))
        .expect(200)
    ).body as Array<{ versionNumber: number; sha256: string }>;

  it('the journey: every item typed with the keyboard, one left empty, the summary, the fix, check, submit, the receipt', async () => {
    const { page } = await suite.open('fr-HT');
    const keyboard = new KeyboardUser(page);
    const id = evaluations.HTI;
    const served = await suite.served
      .http()
      .get(`/evaluations/${id}/questionnaire`)
      .set('authorization', await bearerOf(focalHti))
      .expect(200);
    const { items, texts: own } = served.body as { items: Array<{ id: string; theme: string }>; texts: Texts };
    const themes = [...new Set(items.map((item) => item.theme))];
    const left = 'DIV-07';

    await page.goto(url(`/sign-in?returnTo=${encodeURIComponent(`/app/evaluations/${id}`)}`));
    await keyboard.tabTo({ role: 'textbox', name: catalogue['signIn.email'] });
    await keyboard.type(focalHti.email);
    await keyboard.tabTo({ role: 'textbox', name: catalogue['signIn.password'] });
    await keyboard.type(focalHti.password);
    await keyboard.press('Enter');
    const taskList = page.getByRole('heading', { level: 2, name: formMessages.fr.taskListTitle });
    await taskList.waitFor();

    let filled = 0;
    for (const theme of themes) {
      await keyboard.tabTo({ role: 'link', name: own.themes[theme] });
      await keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: own.themes[theme] }).waitFor();
      await page.locator('.q-form').waitFor();
      filled += await fillSection(keyboard, haitiAnswers, (pointer) => pointer.startsWith(`/${left}`), {
        pointer: '/STA-06/evidence',
        typed: 'evidencia-1',
        button: evidenceMessages.fr.cite,
      });
      await keyboard.expectFocus({ role: 'link', name: formMessages.fr.backToSections });
      if (theme === 'diversity') await expectAccessible(page, 'section diversity, filled (fr)');
      await keyboard.press('Enter');
      await taskList.waitFor();
    }
    expect(filled).toBeGreaterThan(200);

    // Submitting: stopped by the summary, which names the empty question and links to it.
    await keyboard.tabTo({ role: 'link', name: fr.checkLink });
    await keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: fr.checkTitle }).waitFor();
    await keyboard.tabTo({ role: 'button', name: fr.submit }, 600);
    await keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: fr.errorSummaryTitle });
    await summary.waitFor();
    // The summary has the focus, so a screen reader reads it first; nothing of the api's English in it.
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await summary.innerText()).not.toMatch(/\/DIV-07|Answer this question/);
    await expectAccessible(page, 'check your answers, refused (fr)');
    const entry = fill(fr.problemAt, { question: own.items[left].label, message: formMessages.fr['problem.required'] });
    await keyboard.tab({ role: 'link', name: entry });
    await keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: own.themes.diversity }).waitFor();
    const field = { role: 'textbox', name: own.fields.description };
    await page.waitForFunction(() => document.activeElement?.closest('[data-item="DIV-07"]') !== null);
    await keyboard.expectFocus(field);
    // The message is at the question too, tied to it for a screen reader (and announced).
    const question = page.locator('fieldset[data-item="DIV-07"]');
    const errorId = (await question.getAttribute('aria-describedby'))?.split(' ').find((id) => id.endsWith('__error'));
    expect(await page.locator(`[id="${errorId}"][role="alert"]`).innerText()).toContain(
      formMessages.fr['problem.required'],
    );
    await keyboard.type(haitiAnswers[left].description);

    await keyboard.tabTo({ role: 'link', name: formMessages.fr.backToSections });
    await keyboard.press('Enter');
    await keyboard.tabTo({ role: 'link', name: fr.checkLink });
    await keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: fr.checkTitle }).waitFor();
    await expectAccessible(page, 'check your answers, complete (fr)');
    await keyboard.tabTo({ role: 'button', name: fr.submit }, 600);
    await keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: fill(fr.receiptTitle, { version: '1' }) }).waitFor();
    await expectAccessible(page, 'receipt after the journey (fr)');

    const stored = await suite.served
      .http()
      .get(`/evaluations/${id}/submissions/1`)
      .set('authorization', await bearerOf(secretariat))
      .expect(200);
    const body = stored.body as { answers: Record<string, unknown>; sha256: string };
    expect(body.answers).toEqual({
      ...haitiAnswers,
      'STA-06': { ...haitiAnswers['STA-06'], evidence: [htiEvidence] },
    });
    expect(await page.locator('[data-receipt="sha256"]').innerText()).toBe(body.sha256);
    expect(describeIntegrity('submitted versions', await verifySubmissions(suite.served.ds))).toMatch(/, 0 mismatches/);
  }, 90_000);

  it('a contributor reads every answer but is told that only the focal point submits; the api refuses her too', async () => {
    const { page } = await suite.open('fr-HT');
    await signedIn(page, contributorJam, `/app/evaluations/${evaluations.JAM}/check`);
    await page.getByRole('heading', { level: 1, name: fr.checkTitle }).waitFor();
    await page.getByText(fr.contributorCannotSubmit).waitFor();
    expect(await page.getByRole('button', { name: fr.submit }).count()).toBe(0);
    // Every section is there with its change link.
    for (const theme of Object.keys(texts.themes))
      expect(
        await page.getByRole('link', { name: fill(fr.changeSection, { section: texts.themes[theme] }) }).count(),
      ).toBe(1);
    await expectAccessible(page, 'check your answers, contributor (fr)');
    await suite.served
      .http()
      .post(`/evaluations/${evaluations.JAM}/submissions`)
      .set('authorization', await bearerOf(contributorJam))
      .send({})
      .expect(403);
    expect(await versionsOf('JAM')).toEqual([]);
  }, 30_000);

  it('a submit whose answer the connection lost is pressed again: the same key, one version, and the receipt', async () => {
    const { page } = await suite.open('fr-HT');
    const keyboard = new KeyboardUser(page);
    const keys: string[] = [];
    const isSubmit = (request: Request) =>
      request.method() === 'POST' && new URL(request.url()).pathname === `/evaluations/${evaluations.ARG}/submissions`;
    page.on('request', (request) => {
      if (isSubmit(request)) keys.push(request.headers()['idempotency-key'] ?? '');
    });
    // The first submit reaches the api, which makes the version; its answer never reaches the page.
    let cut = false;
    await page.route(`**/evaluations/${evaluations.ARG}/submissions`, async (route) => {
      const request = route.request();
      if (request.method() !== 'POST' || cut) return route.continue();
      cut = true;
      const headers = request.headers();
      await suite.served
        .http()
        .post(new URL(request.url()).pathname)
        .set('authorization', headers.authorization ?? '')
        .set('idempotency-key', headers['idempotency-key'] ?? '')
        .set('content-type', 'application/json')
        .send(request.postData() ?? '')
        .expect(201);
      await route.abort('connectionreset');
    });
    await signedIn(page, focal.ARG, `/app/evaluations/${evaluations.ARG}/check`);
    await page.getByRole('heading', { level: 1, name: fr.checkTitle }).waitFor();
    await keyboard.tabTo({ role: 'button', name: fr.submit }, 400);
    await keyboard.press('Enter');
    await page.getByText(fr.connectionLost).waitFor();
    expect((await versionsOf('ARG')).length).toBe(1);
    await keyboard.expectFocus({ role: 'button', name: fr.submit });
    await keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: fill(fr.receiptTitle, { version: '1' }) }).waitFor();
    expect(keys.length).toBe(2);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    const stored = await versionsOf('ARG');
    expect(stored.map((v) => v.versionNumber)).toEqual([1]);
    // The receipt's fingerprint is the stored one, and the integrity check recomputes the same.
    expect(await page.locator('[data-receipt="sha256"]').innerText()).toBe(stored[0].sha256);
    expect(await page.locator('[data-receipt="timeliness"]').innerText()).toBe(fr.onTime);
    const report = await verifySubmissions(suite.served.ds);
    expect(describeIntegrity('submitted versions', report)).toMatch(
      /^submitted versions OK: \d+ checked, 0 mismatches/,
    );
    await expectAccessible(page, 'receipt (fr)');
    // The submitted answers are read-only in the sections too.
    await page.goto(url(`/app/evaluations/${evaluations.ARG}/sections/legislation`));
    await page.locator('.q-form').waitFor();
    const fields = page.locator('.q-form input[type="text"], .q-form textarea');
    expect(await fields.count()).toBeGreaterThan(0);
    expect(await fields.evaluateAll((els) => els.every((el) => (el as HTMLInputElement).readOnly))).toBe(true);
  }, 30_000);

  it('a second version after a clarification: the receipt lists both and what changed, in labels', async () => {
    const admin = await bearerOf(secretariat);
    const bearer = await bearerOf(focal.ARG);
    const id = evaluations.ARG;
    if ((await versionsOf('ARG')).length === 0)
      await suite.served
        .http()
        .post(`/evaluations/${id}/submissions`)
        .set('authorization', bearer)
        .send({})
        .expect(201);
    await suite.served
      .http()
      .post(`/evaluations/${id}/clarification-requests`)
      .set('authorization', admin)
      .send({ message: 'Merci de préciser le nombre de tribunaux.' })
      .expect(201);
    const draft = await suite.served.http().get(`/evaluations/${id}/draft`).set('authorization', bearer).expect(200);
    const before = (draft.body as { document: { 'JUS-07': { courts: number } } }).document['JUS-07'].courts;
    await suite.served
      .http()
      .patch(`/evaluations/${id}/draft`)
      .set('authorization', bearer)
      .set('if-match', String(draft.headers.etag))
      .set('content-type', 'application/merge-patch+json')
      .send(JSON.stringify({ 'JUS-07': { courts: 1234 } }))
      .expect(200);
    await suite.served.http().post(`/evaluations/${id}/submissions`).set('authorization', bearer).send({}).expect(201);

    const { page } = await suite.open('fr-HT');
    await signedIn(page, focal.ARG, `/app/evaluations/${id}/submissions/2`);
    await page.getByRole('heading', { level: 1, name: fill(fr.receiptTitle, { version: '2' }) }).waitFor();
    const versions = page.getByRole('region', { name: fr.versionsTitle });
    await versions.getByRole('link').nth(1).waitFor();
    expect(await versions.getByRole('link').count()).toBe(2);
    const changes = page.getByRole('region', { name: fill(fr.changesTitle, { version: '1' }) });
    await changes.getByText(fr.changed).waitFor();
    const text = await changes.innerText();
    expect(text).toContain(`${texts.items['JUS-07'].label} › ${texts.fields.courts}`);
    expect(text).toContain(new Intl.NumberFormat('fr').format(before));
    expect(text).toContain(new Intl.NumberFormat('fr').format(1234));
    expect(text).not.toMatch(/\/JUS-07|courts/);
    await expectAccessible(page, 'receipt of version 2 (fr)');
  }, 30_000);
});
