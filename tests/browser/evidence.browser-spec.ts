// Evidence files on a slow link, as Haiti's focal point sends them: in French, she sends two files
// (one dropped, one chosen), cites them in two answers, picks one again with the keyboard and
// removes it, downloads one, and finds her citations after a reload. A file too large and a file
// of a refused kind are told at the file; a refused token is refreshed and the file sent again; a
// 25 MB file on a throttled link shows the time left, and going offline mid-upload starts it again
// by itself once the network is back. Argentina's files never show in her picker.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { evidenceMessages } from '../../apps/web/src/evidence/evidence-messages';
import { createAccount, login, type TestAccount } from '../harness';
import { openRoundFor, pdfBytes } from '../harness/submission-fixtures';
import { asTestApi, browserSuite, expectAccessible, KeyboardUser, signInAndOpen } from './harness';

const fr = evidenceMessages.fr;
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

interface ServedTexts {
  fields: Record<string, string>;
  items: Record<string, { label: string }>;
  themes: Record<string, string>;
}

describe('evidence files in the browser', () => {
  const suite = browserSuite();
  let focalHti: TestAccount;
  let evaluationId: string;
  let texts: ServedTexts;
  let argentinaFile: string;
  const sectionPath = (): string => `/app/evaluations/${evaluationId}/sections/legislation`;

  beforeAll(async () => {
    const api = asTestApi(suite.served);
    const ds = suite.served.ds;
    const secretariat = await createAccount(ds, { role: 'secretariat' });
    focalHti = await createAccount(ds, { role: 'state_focal_point', stateCode: 'HTI', language: 'fr' });
    const focalArg = await createAccount(ds, { role: 'state_focal_point', stateCode: 'ARG', language: 'es' });
    const admin = (await login(api, secretariat.email, secretariat.password)).bearer;
    const { evaluations } = await openRoundFor(api, admin, {
      number: 4,
      questionnaireVersionId: (await suite.served.app.get(QuestionnaireRegistry).current('evaluation-round')).id,
      responseDueDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      stateCodes: ['HTI', 'ARG'],
    });
    evaluationId = evaluations.HTI;
    const arg = (await login(api, focalArg.email, focalArg.password)).bearer;
    const upload = await api
      .http()
      .post(`/evaluations/${evaluations.ARG}/attachments`)
      .set('authorization', arg)
      .set('content-type', 'application/octet-stream')
      .set('x-filename', 'ley-argentina.pdf')
      .send(pdfBytes('argentina'))
      .expect(201);
    argentinaFile = (upload.body as { filename: string }).filename;
    const focal = (await login(api, focalHti.email, focalHti.password)).bearer;
    const served = await api
      .http()
      .get(`/evaluations/${evaluationId}/questionnaire`)
      .set('authorization', focal)
      .expect(200);
    texts = (served.body as { texts: ServedTexts }).texts;
  });

  async function signedIn(page: Page, path: string): Promise<void> {
    await signInAndOpen(page, suite.served.baseUrl, focalHti, path);
    await page.getByRole('heading', { level: 1, name: texts.themes.legislation }).waitFor();
  }

  /** The evidence of one item: the group named by the evidence label inside the item's group. */
  const evidenceOf = (page: Page, item: string): Locator =>
    page
      .getByRole('group', { name: texts.items[item].label, exact: true })
      .getByRole('group', { name: texts.fields.evidence, exact: true });
  /**
   * Drops a file made in the page (its first bytes `head`, then spaces up to `size`) on an evidence
   * box, and answers the same bytes: a large file need not cross from the test to the browser.
   */
  async function dropFile(page: Page, evidence: Locator, name: string, head: string, size: number): Promise<Buffer> {
    const dataTransfer = await page.evaluateHandle(
      (file) => {
        const bytes = new Uint8Array(file.size).fill(0x20);
        bytes.set(new TextEncoder().encode(file.head));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], file.name, { type: 'application/pdf' }));
        return transfer;
      },
      { name, head, size },
    );
    await evidence.locator('[data-drop-zone]').dispatchEvent('drop', { dataTransfer });
    const bytes = Buffer.alloc(size, 0x20);
    bytes.write(head);
    return bytes;
  }
  const citedNames = (evidence: Locator): Promise<string[]> =>
    evidence.locator('li[data-attachment] .ev-name').allTextContents();

  it('sends two files, cites them in two answers, picks and removes one with the keyboard, downloads one; another state’s file is never offered', async () => {
    const { page } = await suite.open('fr-HT');
    await signedIn(page, sectionPath());
    const first = evidenceOf(page, 'LEG-02');
    const second = evidenceOf(page, 'LEG-03');
    await first.getByText(fr.none).waitFor();

    // Chosen with the file chooser.
    const law = pdfBytes('loi-2020');
    await first
      .locator('input[type=file]')
      .setInputFiles({ name: 'loi-2020.pdf', mimeType: 'application/pdf', buffer: law });
    await first.locator('li[data-attachment]', { hasText: 'loi-2020.pdf' }).waitFor();
    expect(await first.locator('.ev-facts').textContent()).toContain(sha256(law));

    // Dropped on the other answer's box.
    const plan = await dropFile(page, second, 'plan-national.pdf', pdfBytes('plan-national').toString(), 200);
    await second.locator('li[data-attachment]', { hasText: 'plan-national.pdf' }).waitFor();
    expect(await second.locator('.ev-facts').textContent()).toContain(sha256(plan));

    // The picker offers this evaluation's other files, never Argentina's.
    const picker = second.getByRole('combobox', { name: fr.pickLabel });
    const offered = await picker.locator('option').allTextContents();
    expect(offered.some((o) => o.startsWith('loi-2020.pdf'))).toBe(true);
    expect(offered.some((o) => o.includes(argentinaFile))).toBe(false);
    expect(await first.getByRole('combobox', { name: fr.pickLabel }).locator('option').allTextContents()).not.toContain(
      expect.stringContaining(argentinaFile),
    );

    // The keyboard alone: pick the law in the second answer, cite it, then remove it again.
    const keyboard = new KeyboardUser(page);
    await picker.focus();
    await keyboard.expectFocus({ role: 'combobox', name: fr.pickLabel });
    await keyboard.type('loi');
    await keyboard.tab({ role: 'button', name: fr.cite });
    await keyboard.press('Enter');
    await second.locator('li[data-attachment]', { hasText: 'loi-2020.pdf' }).waitFor();
    expect(await citedNames(second)).toEqual(['plan-national.pdf', 'loi-2020.pdf']);
    await second.getByRole('button', { name: `${fr.remove} (loi-2020.pdf)` }).click();
    await second.locator('li[data-attachment]', { hasText: 'loi-2020.pdf' }).waitFor({ state: 'detached' });
    expect(await citedNames(second)).toEqual(['plan-national.pdf']);
    expect(await citedNames(first)).toEqual(['loi-2020.pdf']);
    await expectAccessible(page, 'legislation with evidence (fr)');

    // Downloaded with the session's token (no link could carry it): the same bytes.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      first.getByRole('button', { name: `${fr.download} (loi-2020.pdf)` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('loi-2020.pdf');
    expect(sha256(fs.readFileSync(await download.path()))).toBe(sha256(law));

    // Citations are answers: saved with the section, there again after a reload.
    await page.locator('[data-save-status="saved"]').waitFor({ state: 'attached' });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: texts.themes.legislation }).waitFor();
    await first.locator('li[data-attachment]', { hasText: 'loi-2020.pdf' }).waitFor();
    expect(await citedNames(first)).toEqual(['loi-2020.pdf']);
    expect(await citedNames(second)).toEqual(['plan-national.pdf']);
    const draft = await asTestApi(suite.served)
      .http()
      .get(`/evaluations/${evaluationId}/draft`)
      .set('authorization', (await login(asTestApi(suite.served), focalHti.email, focalHti.password)).bearer)
      .expect(200);
    const document = (draft.body as { document: Record<string, { evidence?: string[] }> }).document;
    expect([document['LEG-02']?.evidence?.length, document['LEG-03']?.evidence?.length]).toEqual([1, 1]);
  }, 45_000);

  it('a file too large and a file of a refused kind are told at the file, in French', async () => {
    const { page } = await suite.open('fr-HT');
    await signedIn(page, sectionPath());
    const evidence = evidenceOf(page, 'LEG-04');
    // One byte over the api's 25 MB: refused before anything is sent.
    await dropFile(page, evidence, 'rapport-complet.pdf', '%PDF-1.7\n', 25 * 1024 * 1024 + 1);
    // Named like a PDF, but not one: the api judges the content and answers 415.
    await evidence.locator('input[type=file]').setInputFiles({
      name: 'programme.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ\x90\x00 not a pdf'),
    });
    const tooLarge = evidence.locator('li[data-upload="rapport-complet.pdf"]').getByRole('alert');
    const wrongType = evidence.locator('li[data-upload="programme.pdf"]').getByRole('alert');
    await wrongType.waitFor();
    const max = new Intl.NumberFormat('fr', { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(25);
    expect(await tooLarge.textContent()).toBe(fr.tooLarge.replace('{max}', max));
    expect(await wrongType.textContent()).toBe(fr.wrongType);
    expect(await evidence.locator('li[data-attachment]').count()).toBe(0);
    await expectAccessible(page, 'refused files (fr)');
  }, 45_000);

  it('an upload refused for an expired token is sent again after one refresh, without choosing the file again', async () => {
    const { page } = await suite.open('fr-HT');
    await signedIn(page, sectionPath());
    const evidence = evidenceOf(page, 'LEG-06');
    // The api's answer to a token that has just expired, for the first attempt only.
    let refused = 0;
    await page.route('**/evaluations/*/attachments', async (route) => {
      if (route.request().method() !== 'POST' || refused > 0) return route.continue();
      refused += 1;
      await route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        headers: { 'www-authenticate': 'Bearer' },
        body: JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, code: 'unauthenticated' }),
      });
    });
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/auth/session/refresh') && r.status() === 200);
    const report = pdfBytes('rapport-annuel');
    await evidence
      .locator('input[type=file]')
      .setInputFiles({ name: 'rapport-annuel.pdf', mimeType: 'application/pdf', buffer: report });
    await refreshed;
    await evidence.locator('li[data-attachment]', { hasText: 'rapport-annuel.pdf' }).waitFor();
    expect(refused).toBe(1);
    expect(await evidence.locator('.ev-facts').textContent()).toContain(sha256(report));
  }, 45_000);

  it('a 25 MB file on a slow link shows the time left; cut by going offline, it starts again by itself when the network returns', async () => {
    const { page } = await suite.open('fr-HT');
    await signedIn(page, sectionPath());
    const evidence = evidenceOf(page, 'LEG-05');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    // About 2 MB/s up: the 25 MB take some twelve seconds.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 100,
      downloadThroughput: -1,
      uploadThroughput: 2 * 1024 * 1024,
    });
    const big = await dropFile(page, evidence, 'statistiques-2025.pdf', '%PDF-1.7\n', 25 * 1024 * 1024);
    const row = evidence.locator('li[data-upload="statistiques-2025.pdf"]');
    const left = fr.timeLeft.split('{time}');
    await row.getByText(new RegExp(`${left[0]}.+${left[1]}`)).waitFor();
    await page.context().setOffline(true);
    await row.getByRole('status').filter({ hasText: fr.waitingNetwork }).waitFor();
    // The link is back, at full speed: the same file goes again without being chosen again.
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await page.context().setOffline(false);
    await evidence.locator('li[data-attachment]', { hasText: 'statistiques-2025.pdf' }).waitFor({ timeout: 20_000 });
    expect(await evidence.locator('.ev-facts').textContent()).toContain(sha256(big));
    expect(await row.count()).toBe(0);
  }, 45_000);
});
