// Every link a mail carries, opened as mailed: the mail is staged through the real flow, read from
// the SMTP sink, and its button's address opened in a fresh browser; the person signs in when asked
// and lands on the page of what the mail is about, in her language. A mission without an account
// is led to the public page on designating a focal point, with no sign-in. Axe on every page,
// under the api's real CSP.
import type { Page } from 'playwright-core';
import { Clock, ClockService } from '@mesecvi/clock';
import { addDays, localDate, ruleInstant } from '@mesecvi/deadlines';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { createAccount, login, MailSink, type ReceivedMail, type TestAccount } from '../harness';
import { brazilSubmittedWithExperts } from '../harness/committee-fixtures';
import { openRoundFor } from '../harness/submission-fixtures';
import { asTestApi, browserSuite, expectAccessible } from './harness';

const TZ = 'America/New_York';

describe('a mailed link opens the page of what the mail is about', () => {
  const suite = browserSuite({ env: { REMINDER_SWEEP_EVERY_MS: '250', OUTBOX_SWEEP_EVERY_MS: '250' } });
  const sink = new MailSink();
  const tag = Math.random().toString(36).slice(2, 8);
  const missionChl = `mission.chl.${tag}@example.test`;
  let secretariat: TestAccount;
  let focalHti: TestAccount;
  let expertHti: TestAccount;
  let brazil: string;
  let evaluations: Record<string, string>;

  const adminBearer = async (): Promise<string> =>
    (await login(suite.served, secretariat.email, secretariat.password)).bearer;

  /** The address behind the mail's button, as the reader clicks it. */
  function buttonLink(mail: ReceivedMail, label: string): string {
    const anchors = [...(mail.html ?? '').matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)];
    const link = anchors.find(([, , text]) => text === label)?.[1];
    if (!link) throw new Error(`no "${label}" button in the mail "${mail.subject}"`);
    expect(mail.text).toContain(link);
    return link.replace(/&amp;/g, '&');
  }

  /** The first mail to `address` whose subject matches, once the worker has sent it. */
  async function mailTo(address: string, subject: RegExp): Promise<ReceivedMail> {
    for (let count = 1; count <= 6; count++) {
      const found = (await sink.waitForMailTo(address, count)).find((m) => subject.test(m.subject));
      if (found) return found;
    }
    throw new Error(`no mail to ${address} about ${String(subject)}`);
  }

  /** Opens the link in a fresh browser, signs in when asked and waits to be back on the link's page. */
  async function openAndSignIn(link: string, account: TestAccount, locale: string): Promise<Page> {
    const { page } = await suite.open(locale);
    await page.goto(link);
    await page.locator('#email').waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.locator('#email').fill(account.email);
    await page.locator('#password').fill(account.password);
    await page.locator('form button[type="submit"]').click();
    const target = new URL(link);
    await page.waitForURL((at) => at.pathname === target.pathname);
    return page;
  }

  /** The summary's value for a row label. */
  const cell = (page: Page, label: string) => page.getByRole('row', { name: label }).getByRole('cell');

  beforeAll(async () => {
    const api = asTestApi(suite.served);
    const ds = suite.served.ds;
    secretariat = await createAccount(ds, { role: 'secretariat' });
    focalHti = await createAccount(ds, { role: 'state_focal_point', stateCode: 'HTI', name: 'Marie-Claire Joseph' });
    const focalBra = await createAccount(ds, { role: 'state_focal_point', stateCode: 'BRA' });
    await ds.query(
      `INSERT INTO state_contact (state_code, kind, name, email, created_at, updated_at)
       VALUES ('CHL', 'permanent_mission', 'Misión Permanente de Chile', $1, now(), now())`,
      [missionChl],
    );
    const admin = await adminBearer();
    const fixture = await brazilSubmittedWithExperts(
      api,
      ds,
      {
        secretariatId: secretariat.id,
        adminBearer: admin,
        focalBearer: (await login(api, focalBra.email, focalBra.password)).bearer,
      },
      3,
      ['HTI'],
    );
    brazil = fixture.evaluationId;
    expertHti = fixture.experts.HTI;
    await suite.served
      .http()
      .post(`/evaluations/${brazil}/rapporteurs`)
      .set('authorization', admin)
      .send({ expertUserIds: [expertHti.id] })
      .expect(200);
    ({ evaluations } = await openRoundFor(api, admin, {
      number: 4,
      questionnaireVersionId: (await suite.served.app.get(QuestionnaireRegistry).current('evaluation-round')).id,
      responseDueDate: addDays(localDate(await suite.served.app.get(Clock).now(), TZ), 60),
      stateCodes: ['HTI', 'CHL'],
    }));
  });

  it("Haiti's focal point opens her questionnaire mail and, signed in, reads Haiti's evaluation in French", async () => {
    const mail = await mailTo(focalHti.email, /questionnaire pour Haïti/);
    const link = buttonLink(mail, 'Ouvrir le questionnaire');
    expect(link).toBe(`${suite.served.baseUrl}/app/evaluations/${evaluations.HTI}`);
    const page = await openAndSignIn(link, focalHti, 'en-US');
    await page.getByRole('heading', { level: 1, name: 'Évaluation' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await cell(page, 'Cycle').textContent()).toBe('Evaluation round 4');
    expect(await cell(page, 'État').textContent()).toBe('Haïti');
    await page.getByRole('heading', { level: 2, name: 'Et ensuite' }).waitFor();
    await expectAccessible(page, 'evaluation from the questionnaire mail (fr)');
  });

  it("a rapporteur's assignment mail opens the review of Brazil's evaluation", async () => {
    const mail = await mailTo(expertHti.email, /rapporteuse pour Brésil/);
    const link = buttonLink(mail, 'Ouvrir l’examen');
    expect(new URL(link).pathname).toBe(`/app/evaluations/${brazil}/review`);
    const page = await openAndSignIn(link, expertHti, 'fr-FR');
    await page.getByRole('heading', { level: 1, name: 'Examen de l’évaluation' }).waitFor();
    expect(await cell(page, 'État').textContent()).toBe('Brésil');
    expect(await cell(page, 'Cycle').textContent()).toBe('Evaluation round 3');
    await expectAccessible(page, 'review from the rapporteur mail (fr)');
  });

  it("a mission standing in for Chile's focal point is led to the public page, in Spanish, without signing in", async () => {
    const mail = await mailTo(missionChl, /Chile/);
    const link = buttonLink(mail, 'Abrir el cuestionario');
    expect(new URL(link).pathname).toBe('/focal-point');
    const { page } = await suite.open('en-US');
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Designación de un punto focal nacional' }).waitFor();
    expect(await page.locator('#password').count()).toBe(0);
    await expectAccessible(page, 'focal point page from the mission mail (es)');
  });

  it("an ad-hoc deadline's reminder opens the deadline, its title in French (the clock moves: last)", async () => {
    const due = addDays(localDate(await suite.served.app.get(Clock).now(), TZ), 40);
    const created = await suite.served
      .http()
      .post('/deadlines')
      .set('authorization', await adminBearer())
      .send({
        title: 'Send the national information for the annual report',
        titles: { fr: 'Envoyer les informations nationales pour le rapport annuel' },
        dueDate: due,
        stateCodes: ['HTI'],
      })
      .expect(201);
    const deadlineId = (created.body as Array<{ id: string }>)[0].id;
    const clock = suite.served.app.get(ClockService);
    const now = await suite.served.app.get(Clock).now();
    await clock.advance(ruleInstant(due, -30, '09:00', TZ).getTime() + 60_000 - now.getTime());

    const mail = await mailTo(focalHti.email, /Rappel : Envoyer les informations nationales/);
    const link = buttonLink(mail, 'Ouvrir dans la plateforme');
    expect(new URL(link).pathname).toBe(`/app/deadlines/${deadlineId}`);
    const page = await openAndSignIn(link, focalHti, 'fr-FR');
    await page.getByRole('heading', { level: 1, name: 'Échéance' }).waitFor();
    expect(await cell(page, 'Objet').textContent()).toBe('Envoyer les informations nationales pour le rapport annuel');
    expect(await cell(page, 'État').textContent()).toBe('Haïti');
    expect(await cell(page, 'Statut').textContent()).toBe('Ouverte');
    await expectAccessible(page, 'deadline from the reminder mail (fr)');
  });
});
