// The web app's public pages, tried as people would: the home in the browser's language (fr, pt
// and es; en on every route) with the latest published report read from the public API, every app
// route reloaded and opened as a fresh deep link, the keyboard alone to "Sign in", axe on every
// page, under the api's real CSP; and one run in the pseudo-locale, where any text not taken from
// the catalogue stands out.
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { createAccount, login, type TestAccount } from '../harness';
import { appointedExpert, publishCountryReport, submitExampleAnswers } from '../harness/committee-fixtures';
import { openRoundFor } from '../harness/submission-fixtures';
import { asTestApi, browserSuite, expectAccessible, KeyboardUser, textsNotFromCatalogue } from './harness';

/**
 * Every path of the app a person may open today, the heading it shows (in English), and where it
 * lands: a signed-in page asks a person who is not signed in to sign in, and returns there after.
 */
const ROUTES: Array<{ path: string; heading: string; landsOn?: string }> = [
  { path: '/', heading: 'MESECVI Follow-up Platform' },
  { path: '/sign-in', heading: 'Sign in to the platform' },
  { path: '/app/evaluations', heading: 'Sign in to the platform', landsOn: '/sign-in?returnTo=%2Fapp%2Fevaluations' },
  { path: '/publications/2026', heading: 'Page not found' },
];

describe('the web app in the browser', () => {
  const suite = browserSuite();
  let symbol: string;
  let focal: TestAccount;
  let evaluationId: string;

  beforeAll(async () => {
    const api = asTestApi(suite.served);
    const ds = suite.served.ds;
    const secretariat = await createAccount(ds, { role: 'secretariat' });
    const admin = (await login(api, secretariat.email, secretariat.password)).bearer;
    focal = await createAccount(ds, { role: 'state_focal_point', stateCode: 'HTI' });
    const rapporteur = await appointedExpert(api, ds, secretariat.id, 'MEX');
    const questionnaireVersionId = (await suite.served.app.get(QuestionnaireRegistry).current('evaluation-round')).id;
    const opened = await openRoundFor(api, admin, {
      number: 4,
      questionnaireVersionId,
      responseDueDate: '2099-01-31',
      stateCodes: ['HTI'],
    });
    evaluationId = opened.evaluations.HTI;
    await submitExampleAnswers(api, ds, (await login(api, focal.email, focal.password)).bearer, evaluationId);
    ({ symbol } = await publishCountryReport(api, {
      adminBearer: admin,
      rapporteur,
      evaluationId: opened.evaluations.HTI,
      recommendations: [{ theme: 'budget', articles: ['8.a'], text: 'Allouer un budget au plan national.' }],
      adoptedOn: '2026-11-20',
    }));
  });

  it('the home speaks French to a French browser: name, purpose, the latest published report, "Se connecter"', async () => {
    const { page } = await suite.open('fr-HT');
    await page.goto(`${suite.served.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Plateforme de suivi du MESECVI' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByText(symbol).waitFor();
    const main = await page.textContent('main');
    expect(main).toContain('évalue comment chaque État partie');
    expect(main).toContain('Derniers rapports publiés');
    expect(main).toContain('État : HTI');
    // The help names the secretariat's address as the api's configuration gives it.
    expect(await page.textContent('footer')).toContain(
      'Écrivez au Secrétariat technique du MESECVI à mesecvi@oas.org.',
    );
    await expectAccessible(page, 'home (fr)');
  });

  it('an Argentine browser gets the home and the sign-in page in Spanish', async () => {
    const { page } = await suite.open('es-AR');
    await page.goto(`${suite.served.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Plataforma de Seguimiento del MESECVI' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    await page.getByText(symbol).waitFor();
    const main = await page.textContent('main');
    expect(main).toContain('evalúa cómo cada Estado Parte');
    expect(main).toContain('Últimos informes publicados');
    expect(main).toContain('Estado: HTI');
    await expectAccessible(page, 'home (es)');
    await page.getByRole('main').getByRole('link', { name: 'Iniciar sesión' }).click();
    await page.getByRole('heading', { level: 1, name: 'Iniciar sesión en la plataforma' }).waitFor();
    await page.getByRole('textbox', { name: 'Correo electrónico' }).waitFor();
    await expectAccessible(page, 'sign-in (es)');
  });

  it('a Brazilian reaches "Entrar" with the keyboard alone and lands on the sign-in page, in Portuguese', async () => {
    const { page } = await suite.open('pt-BR');
    await page.goto(`${suite.served.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Plataforma de Acompanhamento do MESECVI' }).waitFor();
    await page.getByText(symbol).waitFor();
    await expectAccessible(page, 'home (pt)');
    const keyboard = new KeyboardUser(page);
    await keyboard.tab({ role: 'link', name: 'Ir para o conteúdo principal' });
    await keyboard.tab({ role: 'link', name: 'Plataforma de Acompanhamento do MESECVI' });
    await keyboard.tab({ role: 'link', name: 'Entrar' });
    await keyboard.tab({ role: 'link', name: 'Entrar' });
    await keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Entrar na plataforma' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await expectAccessible(page, 'sign-in (pt)');
    // The page's content has the focus, as after loading a page: the next Tab is its first field.
    await keyboard.tab({ role: 'textbox', name: 'Endereço de e-mail' });
  });

  it.each(ROUTES)('$path works as a fresh deep link and on reload', async ({ path, heading, landsOn = path }) => {
    const { page } = await suite.open('en-US');
    await page.goto(`${suite.served.baseUrl}${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await expectAccessible(page, `${path} (en)`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    const { pathname, search } = new URL(page.url());
    expect(`${pathname}${search}`).toBe(landsOn);
    const keyboard = new KeyboardUser(page);
    await keyboard.tab({ role: 'link', name: 'Skip to main content' });
  });

  it('in the pseudo-locale every text on every page comes from the catalogue', async () => {
    const { page } = await suite.open('en-XA');
    for (const { path } of ROUTES) {
      await page.goto(`${suite.served.baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      // Data from the api (the report's symbol, round name, state code, date) is not the catalogue's.
      if (path === '/') await page.getByText(symbol).waitFor();
      const unwrapped = await textsNotFromCatalogue(page);
      expect({ path, unwrapped }).toEqual({ path, unwrapped: [] });
      expect(await page.title()).toMatch(/^\[\[.*\]\]$/);
    }
    await expectAccessible(page, 'last page (pseudo-locale)');
    const keyboard = new KeyboardUser(page);
    await keyboard.tab({ role: 'link', name: '[[Skip to main content]]' });
    // Signed in (Haiti's focal point reads French: the pseudo-locale wraps the French catalogue).
    await page.goto(`${suite.served.baseUrl}/sign-in`);
    await page.locator('#email').fill(focal.email);
    await page.locator('#password').fill(focal.password);
    await page.locator('form button[type=submit]').click();
    // Its one evaluation is published: nothing open is left on her home.
    await page.getByText('[[Votre État n’a aucune évaluation ouverte.]]').waitFor();
    expect({ path: '/app', unwrapped: await textsNotFromCatalogue(page) }).toEqual({ path: '/app', unwrapped: [] });
    await page.goto(`${suite.served.baseUrl}/app/evaluations/${evaluationId}`);
    await page.getByRole('cell', { name: '[[Publié]]' }).waitFor();
    expect({ path: 'evaluation', unwrapped: await textsNotFromCatalogue(page) }).toEqual({
      path: 'evaluation',
      unwrapped: [],
    });
  });
});
