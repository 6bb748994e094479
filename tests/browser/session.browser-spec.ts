// Signing in and staying signed in, as people do it: each role reaches its home in its account's
// language (whatever the browser's), two tabs cross an access-token expiry together, a session
// over sends the person to sign-in and back to her page, another state's evaluation is "not
// found", the api down shows a message and recovers, the keyboard alone signs in, and a return
// address off the site lands on the home. Axe on every page, under the api's real CSP.
import type { Page } from 'playwright-core';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { createAccount, login, type TestAccount } from '../harness';
import { brazilWithHaitiRapporteur } from '../harness/committee-fixtures';
import { openRoundFor } from '../harness/submission-fixtures';
import { asTestApi, browserSuite, expectAccessible, KeyboardUser } from './harness';

const DAY_MS = 86_400_000;

describe('signing in and the home of each role', () => {
  const suite = browserSuite();
  let secretariat: TestAccount;
  let focalArg: TestAccount;
  let focalHti: TestAccount;
  let expertHti: TestAccount;
  let evaluations: Record<string, string>;
  let dueDate: string;

  const url = (path: string): string => `${suite.served.baseUrl}${path}`;
  const adminBearer = async (): Promise<string> =>
    (await login(suite.served, secretariat.email, secretariat.password)).bearer;

  /** Moves the api's clock (the demo clock) forward by whole days. */
  async function moveClock(days: number): Promise<void> {
    await suite.served
      .http()
      .post('/demo/clock')
      .set('authorization', await adminBearer())
      .send({ days })
      .expect(200);
  }

  async function roundOf(evaluationId: string): Promise<string> {
    const view = await suite.served
      .http()
      .get(`/evaluations/${evaluationId}`)
      .set('authorization', await adminBearer())
      .expect(200);
    return (view.body as { roundId: string }).roundId;
  }

  async function signIn(page: Page, account: TestAccount, button: string): Promise<void> {
    await page.locator('#email').fill(account.email);
    await page.locator('#password').fill(account.password);
    await page.getByRole('button', { name: button }).click();
  }

  beforeAll(async () => {
    const api = asTestApi(suite.served);
    const ds = suite.served.ds;
    secretariat = await createAccount(ds, { role: 'secretariat', name: 'Ana Secretaría' });
    focalArg = await createAccount(ds, { role: 'state_focal_point', stateCode: 'ARG', name: 'María Fernández' });
    const focalBra = await createAccount(ds, { role: 'state_focal_point', stateCode: 'BRA' });
    focalHti = await createAccount(ds, { role: 'state_focal_point', stateCode: 'HTI', name: 'Marie-Claire Joseph' });
    const admin = await adminBearer();
    ({ rapporteur: expertHti } = await brazilWithHaitiRapporteur(
      api,
      ds,
      {
        secretariatId: secretariat.id,
        adminBearer: admin,
        focalBearer: (await login(api, focalBra.email, focalBra.password)).bearer,
      },
      3,
    ));
    await ds.query(`UPDATE user_account SET name = 'Nadège Pierre' WHERE id = $1`, [expertHti.id]);
    // Due in three days: the clock moved ten days on makes Argentina late.
    dueDate = new Date(Date.now() + 3 * DAY_MS).toISOString().slice(0, 10);
    ({ evaluations } = await openRoundFor(api, admin, {
      number: 4,
      questionnaireVersionId: (await suite.served.app.get(QuestionnaireRegistry).current('evaluation-round')).id,
      responseDueDate: dueDate,
      stateCodes: ['ARG', 'HTI'],
    }));
  });

  it('the secretariat signs in with the keyboard alone; a return address to another site lands on her home', async () => {
    const { page } = await suite.open('en-US');
    await page.goto(url(`/sign-in?returnTo=${encodeURIComponent('//evil.example')}`));
    await page.getByRole('heading', { level: 1, name: 'Sign in to the platform' }).waitFor();
    await expectAccessible(page, 'sign-in (en)');
    const keyboard = new KeyboardUser(page);
    await keyboard.tab({ role: 'link', name: 'Skip to main content' });
    await keyboard.press('Enter');
    await keyboard.tab({ role: 'textbox', name: 'E-mail address' });
    await keyboard.type(secretariat.email);
    await keyboard.tab({ role: 'textbox', name: 'Password' });
    await keyboard.type(secretariat.password);
    await keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Welcome, Ana Secretaría' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app');
    const header = (await page.textContent('header')) ?? '';
    expect(header).toContain('Role: Technical Secretariat');
    const round = page.getByRole('row', { name: /Evaluation round 4/ });
    await round.waitFor();
    // Argentina and Haiti are not due yet; Brazil's round 3 answered on time.
    expect(await round.getByRole('cell').allTextContents()).toEqual(['0', '0', '0', '2']);
    await expectAccessible(page, 'home of the secretariat (en)');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.goto(url('/app'));
    await page.getByRole('heading', { level: 1, name: 'Sign in to the platform' }).waitFor();
  });

  it("Argentina's focal point gets her home in Spanish in an English browser; https://evil.example is refused too", async () => {
    const { page } = await suite.open('en-US');
    await page.goto(url(`/sign-in?returnTo=${encodeURIComponent('https://evil.example')}`));
    // A wrong password: the summary says so in the page's language, with the request id to quote.
    const refused = page.waitForResponse((r) => r.url().endsWith('/auth/session') && r.status() === 401);
    await signIn(page, { ...focalArg, password: 'not her password' }, 'Sign in');
    const requestId = (await refused).headers()['x-request-id'];
    const summary = page.getByRole('alert');
    await summary.getByText('The e-mail address or the password is incorrect.').waitFor();
    expect(await summary.textContent()).toContain(`Request id to quote: ${requestId}`);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-labelledby'))).toBe(
      'error-summary-title',
    );
    await signIn(page, focalArg, 'Sign in');

    await page.getByRole('heading', { level: 1, name: 'Bienvenida/o, María Fernández' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/app');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await page.getByText('Estado: Argentina').waitFor();
    const row = page.getByRole('row', { name: /Evaluation round 4/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[1]).toBe('Invitado');
    expect(cells[2]).toMatch(/al final del día \(America\/[A-Za-z_]+\)/);
    expect(cells[2]).toContain('Su hora:');
    expect(cells[2]).not.toContain('retraso');
    // Only her state's evaluations: Haiti's is not listed.
    expect(await page.getByRole('row').count()).toBe(2);
    await expectAccessible(page, 'home of a state focal point (es)');

    // A fault of the page itself goes to the api's log.
    const reported = page.waitForRequest((r) => r.url().endsWith('/client-errors'));
    await page.evaluate(() => {
      void Promise.reject(new Error('a fault of the page'));
    });
    expect((await reported).postDataJSON()).toMatchObject({
      message: 'Error: a fault of the page',
      url: url('/app'),
    });

    await page.getByRole('button', { name: 'Suscribirme a mis plazos' }).click();
    const feed = page.getByRole('textbox', { name: 'Dirección del calendario' });
    await feed.waitFor();
    expect(await feed.inputValue()).toMatch(new RegExp(`^${suite.served.baseUrl}/calendar/.+`));
    expect(
      await page.getByRole('link', { name: 'Abrirla en mi aplicación de calendario' }).getAttribute('href'),
    ).toMatch(/^webcal:\/\/127\.0\.0\.1:\d+\/calendar\//);
  });

  it('a Haitian expert sees her rapporteur assignment in French, and switches the platform to Portuguese', async () => {
    const { page } = await suite.open('es-AR');
    await page.goto(url('/sign-in'));
    await signIn(page, expertHti, 'Entrar');
    await page.getByRole('heading', { level: 1, name: 'Bienvenue, Nadège Pierre' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('heading', { level: 2, name: 'Vos missions de rapporteure' }).waitFor();
    const row = page.getByRole('row', { name: /Evaluation round 3/ });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'Evaluation round 3',
      'Brésil',
      'En cours',
      'Aucune échéance fixée',
    ]);
    await expectAccessible(page, 'home of a committee expert (fr)');

    await page.getByRole('combobox', { name: 'Langue de la plateforme' }).selectOption('pt');
    await page.getByRole('button', { name: 'Changer de langue' }).click();
    await page.getByRole('heading', { level: 2, name: 'As suas designações como relatora' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('pt');
    await page.getByRole('cell', { name: 'Brasil' }).waitFor();
    const me = await suite.served
      .http()
      .get('/me')
      .set('authorization', (await login(suite.served, expertHti.email, expertHti.password)).bearer)
      .expect(200);
    expect((me.body as { language: string }).language).toBe('pt');
  });

  it('a deep link to another state\'s evaluation goes through sign-in and shows "not found", never its data', async () => {
    const { page } = await suite.open('es-AR');
    await page.goto(url(`/app/evaluations/${evaluations.HTI}`));
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión en la plataforma' }).waitFor();
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe(`/app/evaluations/${evaluations.HTI}`);
    await signIn(page, focalArg, 'Entrar');

    await page.getByRole('heading', { level: 1, name: 'Evaluación no encontrada' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/evaluations/${evaluations.HTI}`);
    expect(await page.locator('main table').count()).toBe(0);
    expect(await page.textContent('main')).not.toMatch(/Haití|Evaluation round|HTI/);
    await expectAccessible(page, 'another state’s evaluation (es)');

    await page.goto(url(`/app/evaluations/${evaluations.ARG}`));
    await page.getByRole('heading', { level: 1, name: 'Evaluación' }).waitFor();
    await page.getByRole('cell', { name: 'Evaluation round 4' }).waitFor();
  });

  it('the next person signing in on the same tab never sees what the previous one read', async () => {
    const { page } = await suite.open('fr-HT');
    await page.goto(url('/sign-in'));
    await signIn(page, focalHti, 'Connexion');
    const haiti = page.getByRole('link', { name: 'Evaluation round 4' });
    expect(await haiti.getAttribute('href')).toBe(`/app/evaluations/${evaluations.HTI}`);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByText('Vous êtes déconnecté·e.').waitFor();

    await signIn(page, focalArg, 'Connexion');
    await page.getByRole('heading', { level: 1, name: 'Bienvenida/o, María Fernández' }).waitFor();
    const argentina = page.getByRole('link', { name: 'Evaluation round 4' });
    expect(await argentina.getAttribute('href')).toBe(`/app/evaluations/${evaluations.ARG}`);
    await expectAccessible(page, 'home after another person signed out (es)');
  });

  it('two tabs of one session cross an access-token expiry together and both stay signed in', async () => {
    const session = await suite.open('es-AR');
    const first = session.page;
    await first.goto(url('/sign-in'));
    await signIn(first, focalArg, 'Entrar');
    await first.getByRole('row', { name: /Evaluation round 4/ }).waitFor();
    const second = await session.newTab();
    await second.goto(url('/app'));
    await second.getByRole('row', { name: /Evaluation round 4/ }).waitFor();
    const refreshes: string[] = [];
    for (const tab of [first, second])
      tab.on('request', (request) => {
        if (request.url().endsWith('/auth/session/refresh')) refreshes.push(request.url());
      });

    // Ten days on: every access token has expired, the session (30 days) has not.
    await moveClock(10);
    await Promise.all([first, second].map((tab) => tab.getByRole('link', { name: 'Evaluation round 4' }).click()));
    for (const tab of [first, second]) {
      await tab.getByRole('heading', { level: 1, name: 'Evaluación' }).waitFor();
      await tab.getByRole('cell', { name: 'Evaluation round 4' }).waitFor();
      expect(new URL(tab.url()).pathname).toBe(`/app/evaluations/${evaluations.ARG}`);
    }
    // Late by the days the api's clock counts, not the browser's.
    const compliance = await suite.served
      .http()
      .get(`/rounds/${await roundOf(evaluations.ARG)}/compliance`)
      .set('authorization', await adminBearer())
      .expect(200);
    const daysOverdue = (compliance.body as { rows: Array<{ stateCode: string; daysOverdue: number }> }).rows.find(
      (r) => r.stateCode === 'ARG',
    )?.daysOverdue;
    expect(daysOverdue).toBeGreaterThan(1);
    await first.getByText(`Con ${daysOverdue} días de retraso`).waitFor();
    process.stdout.write(`[session] two tabs crossed the expiry with ${refreshes.length} refresh call(s)\n`);
    expect(refreshes.length).toBeGreaterThanOrEqual(1);
    expect(refreshes.length).toBeLessThanOrEqual(2);
    await expectAccessible(first, 'evaluation, late (es)');
  });

  it('a session over (the clock beyond its lifetime) sends her to sign-in, and back to the page she was on', async () => {
    const { page } = await suite.open('es-AR');
    await page.goto(url(`/app/evaluations/${evaluations.ARG}`));
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión en la plataforma' }).waitFor();
    await signIn(page, focalArg, 'Entrar');
    await page.getByRole('cell', { name: 'Evaluation round 4' }).waitFor();

    await moveClock(31);
    // Her next call (changing the language) finds the session over.
    await page.getByRole('button', { name: 'Cambiar el idioma' }).click();
    await page.getByText('Su sesión ha terminado. Vuelva a iniciar sesión para continuar donde estaba.').waitFor();
    expect(new URL(page.url()).searchParams.get('returnTo')).toBe(`/app/evaluations/${evaluations.ARG}`);
    await expectAccessible(page, 'sign-in after the session ended (es)');
    await signIn(page, focalArg, 'Entrar');
    await page.getByRole('cell', { name: 'Evaluation round 4' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/app/evaluations/${evaluations.ARG}`);
  });

  it('the api down: the page says so and recovers by itself when the api is back', async () => {
    const { page } = await suite.open('en-US');
    await page.goto(url('/sign-in'));
    await signIn(page, secretariat, 'Sign in');
    await page.getByRole('heading', { level: 1, name: 'Welcome, Ana Secretaría' }).waitFor();

    const rounds = (target: URL) => target.pathname === '/rounds';
    const down = (route: { abort(): Promise<void> }) => route.abort();
    await page.route(rounds, down);
    await page.reload();
    await page.getByText('The platform cannot be reached at the moment.', { exact: false }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Welcome, Ana Secretaría' }).waitFor();
    await expectAccessible(page, 'home, api unreachable (en)');

    await page.unroute(rounds, down);
    await page.getByRole('row', { name: /Evaluation round 4/ }).waitFor();
    expect(await page.getByText('The platform cannot be reached', { exact: false }).count()).toBe(0);
  });
});
