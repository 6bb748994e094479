// Every link a mail carries, opened as mailed: the mail is staged through the real flow, read from
// the SMTP sink, and its button's address opened in a fresh browser; the person signs in when asked
// and lands on the page of what the mail is about, in her language. A mission without an account
// is led to the public page on designating a focal point, with no sign-in. Axe on every page,
// under the api's real CSP.
import type { Page } from 'playwright-core';
import { Clock, ClockService } from '@mesecvi/clock';
import { addDays, localDate, ruleInstant } from '@mesecvi/deadlines';
import { QuestionnaireRegistry } from '@mesecvi/questionnaires';
import { appRoutes, webLink } from '@mesecvi/web-links';
import { createAccount, login, MailSink, waitFor, type ReceivedMail, type TestAccount } from '../harness';
import { brazilWithHaitiRapporteur, submitExampleAnswers } from '../harness/committee-fixtures';
import { openRoundFor } from '../harness/submission-fixtures';
import { asTestApi, browserSuite, expectAccessible, KeyboardUser } from './harness';

const TZ = 'America/New_York';

describe('a mailed link opens the page of what the mail is about', () => {
  const suite = browserSuite({
    env: {
      REMINDER_SWEEP_EVERY_MS: '250',
      OUTBOX_SWEEP_EVERY_MS: '250',
      // The weekly digest as the compliance tests run it: checked often, sent when the week turns.
      DIGEST_ENABLED: 'true',
      DIGEST_WEEKDAY: '1',
      DIGEST_HOUR: '0',
      DIGEST_CHECK_EVERY_MS: '300',
    },
  });
  const sink = new MailSink();
  const tag = Math.random().toString(36).slice(2, 8);
  const missionChl = `mission.chl.${tag}@example.test`;
  let secretariat: TestAccount;
  let focalHti: TestAccount;
  let focalBra: TestAccount;
  let responseDue: string;
  let expertHti: TestAccount;
  let brazil: string;
  let evaluations: Record<string, string>;
  /** The ad-hoc deadline the reminder test creates; the escalation test moves the clock past it. */
  let adHoc: { id: string; due: string } | undefined;

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
    for (let count = 1; count <= 20; count++) {
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

  /**
   * A mail bound to fail for good, as the outbox's own tests make one: the worker cannot render its
   * payload, so it fails at once and raises the secretariat's alert. Returns its recipient.
   */
  async function failingMail(stateCode: string): Promise<string> {
    const bounced = `rebote.${stateCode.toLowerCase()}.${tag}@example.test`;
    await suite.served.ds.query(
      `INSERT INTO outbox_message (id, kind, template, language, recipient_address, state_code, payload, status, attempts, next_attempt_at, message_id, created_at, updated_at)
       VALUES (gen_random_uuid(), 'distribution', 'questionnaire_distributed', 'es', $1, $2, '{}', 'pending', 0, now(), $3, now(), now())`,
      [bounced, stateCode, `<${stateCode}.${tag}@mail-links.test>`],
    );
    return bounced;
  }

  /** Waits for the summary's row `label` to read `value` (names from the api arrive in their own time). */
  const expectCell = (page: Page, label: string, value: string): Promise<void> =>
    page.getByRole('row', { name: label }).getByRole('cell', { name: value, exact: true }).waitFor();

  beforeAll(async () => {
    const api = asTestApi(suite.served);
    const ds = suite.served.ds;
    secretariat = await createAccount(ds, { role: 'secretariat' });
    focalHti = await createAccount(ds, { role: 'state_focal_point', stateCode: 'HTI', name: 'Marie-Claire Joseph' });
    focalBra = await createAccount(ds, { role: 'state_focal_point', stateCode: 'BRA', name: 'Ana Souza' });
    await ds.query(
      `INSERT INTO state_contact (state_code, kind, name, email, created_at, updated_at)
       VALUES ('CHL', 'permanent_mission', 'Misión Permanente de Chile', $1, now(), now())`,
      [missionChl],
    );
    const admin = await adminBearer();
    ({ evaluationId: brazil, rapporteur: expertHti } = await brazilWithHaitiRapporteur(
      api,
      ds,
      {
        secretariatId: secretariat.id,
        adminBearer: admin,
        focalBearer: (await login(api, focalBra.email, focalBra.password)).bearer,
      },
      3,
    ));
    responseDue = addDays(localDate(await suite.served.app.get(Clock).now(), TZ), 60);
    ({ evaluations } = await openRoundFor(api, admin, {
      number: 4,
      questionnaireVersionId: (await suite.served.app.get(QuestionnaireRegistry).current('evaluation-round')).id,
      responseDueDate: responseDue,
      stateCodes: ['HTI', 'CHL'],
    }));
  });

  it("Haiti's focal point opens her questionnaire mail and, signed in, reads Haiti's evaluation in French", async () => {
    const mail = await mailTo(focalHti.email, /questionnaire pour Haïti/);
    const link = buttonLink(mail, 'Ouvrir le questionnaire');
    expect(link).toBe(`${suite.served.baseUrl}/app/evaluations/${evaluations.HTI}?lang=fr`);
    // Her browser speaks English; the link names her language, so the sign-in page speaks French.
    // She signs in with the keyboard alone.
    const { page } = await suite.open('en-US');
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Se connecter à la plateforme' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    // She never had a session in this browser: no "your session has ended".
    expect(await page.getByRole('status').count()).toBe(0);
    const keyboard = new KeyboardUser(page);
    await keyboard.tab({ role: 'link', name: 'Aller au contenu principal' });
    await keyboard.press('Enter');
    await keyboard.tab({ role: 'textbox', name: 'Adresse électronique' });
    await keyboard.type(focalHti.email);
    await keyboard.tab({ role: 'textbox', name: 'Mot de passe' });
    await keyboard.type(focalHti.password);
    await keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Évaluation' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await expectCell(page, 'Cycle', 'Evaluation round 4');
    await expectCell(page, 'État', 'Haïti');
    await page.getByRole('heading', { level: 2, name: 'Et ensuite' }).waitFor();
    await expectAccessible(page, 'evaluation from the questionnaire mail (fr)');
  });

  it("a rapporteur's assignment mail opens the review of Brazil's evaluation", async () => {
    const mail = await mailTo(expertHti.email, /rapporteuse pour Brésil/);
    const link = buttonLink(mail, 'Ouvrir l’examen');
    expect(new URL(link).pathname).toBe(`/app/evaluations/${brazil}/review`);
    const page = await openAndSignIn(link, expertHti, 'fr-FR');
    await page.getByRole('heading', { level: 1, name: 'Examen de l’évaluation' }).waitFor();
    await expectCell(page, 'État', 'Brésil');
    await expectCell(page, 'Cycle', 'Evaluation round 3');
    await expectAccessible(page, 'review from the rapporteur mail (fr)');
  });

  it("the secretariat's mail on Brazil's submission opens Brazil's evaluation", async () => {
    const mail = await mailTo(secretariat.email, /Brazil submitted its answers/);
    const link = buttonLink(mail, 'Open the evaluation');
    expect(new URL(link).pathname).toBe(`/app/evaluations/${brazil}`);
    const page = await openAndSignIn(link, secretariat, 'en-US');
    await page.getByRole('heading', { level: 1, name: 'Evaluation' }).waitFor();
    await expectCell(page, 'State', 'Brazil');
    await expectCell(page, 'Round', 'Evaluation round 3');
    await expectAccessible(page, 'evaluation from the submission mail (en)');
  });

  it("Haiti's extension, then the secretariat's request for clarification, each open Haiti's evaluation", async () => {
    const focal = (await login(suite.served, focalHti.email, focalHti.password)).bearer;
    const request = await suite.served
      .http()
      .post(`/evaluations/${evaluations.HTI}/extension-requests`)
      .set('authorization', focal)
      .send({ requestedDate: addDays(responseDue, 10), justification: 'Les statistiques de 2026.' })
      .expect(201);
    await suite.served
      .http()
      .post(`/extension-requests/${(request.body as { id: string }).id}/decision`)
      .set('authorization', await adminBearer())
      .send({ approve: true })
      .expect(200);
    const extension = await mailTo(focalHti.email, /prorogation accordée pour Haïti/);
    const extensionLink = buttonLink(extension, 'Ouvrir le questionnaire');
    expect(new URL(extensionLink).pathname).toBe(`/app/evaluations/${evaluations.HTI}`);

    await submitExampleAnswers(asTestApi(suite.served), suite.served.ds, focal, evaluations.HTI);
    await suite.served
      .http()
      .post(`/evaluations/${evaluations.HTI}/clarification-requests`)
      .set('authorization', await adminBearer())
      .send({ message: 'Merci de citer les sources de LEG-01.', dueDate: addDays(responseDue, 20) })
      .expect(201);
    const clarification = await mailTo(focalHti.email, /demande de précisions sur les réponses de Haïti/);
    const link = buttonLink(clarification, 'Ouvrir l’évaluation');
    expect(link).toBe(extensionLink);
    const page = await openAndSignIn(link, focalHti, 'fr-FR');
    await page.getByRole('heading', { level: 1, name: 'Évaluation' }).waitFor();
    await expectCell(page, 'État', 'Haïti');
    await page.getByRole('cell', { name: 'Précisions demandées' }).waitFor();
    await expectAccessible(page, 'evaluation from the clarification mail (fr)');
  });

  it("Brazil's preliminary report mail opens the report's page in Portuguese", async () => {
    const rapporteur = (await login(suite.served, expertHti.email, expertHti.password)).bearer;
    const created = await suite.served
      .http()
      .post(`/evaluations/${brazil}/report`)
      .set('authorization', rapporteur)
      .expect(201);
    const saved = await suite.served
      .http()
      .put(`/reports/${(created.body as { id: string }).id}`)
      .set('authorization', rapporteur)
      .set('if-match', created.headers.etag)
      .send({
        sections: { legislation: 'The State adopted a comprehensive law.' },
        recommendations: [{ theme: 'legislation', articles: ['7.c'], text: 'Typify femicide in the criminal code.' }],
      })
      .expect(200);
    await suite.served
      .http()
      .post(`/evaluations/${brazil}/review/completion`)
      .set('authorization', rapporteur)
      .expect(200);
    await suite.served
      .http()
      .post(`/reports/${(created.body as { id: string }).id}/preliminary`)
      .set('authorization', await adminBearer())
      .set('if-match', saved.headers.etag)
      .expect(200);

    const mail = await mailTo(focalBra.email, /relatório de país preliminar de Brasil/);
    const link = buttonLink(mail, 'Ler o relatório preliminar');
    expect(new URL(link).pathname).toBe(`/app/evaluations/${brazil}/report`);
    const page = await openAndSignIn(link, focalBra, 'en-US');
    await page.getByRole('heading', { level: 1, name: 'Relatório preliminar' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('pt');
    await expectCell(page, 'Estado', 'Brasil');
    await expectCell(page, 'Rodada', 'Evaluation round 3');
    await expectCell(page, 'Situação', 'Relatório preliminar enviado');
    await expectAccessible(page, 'preliminary report from its mail (pt)');
  });

  it("the secretariat's alert on a mail that failed opens the undelivered mails, for the secretariat only", async () => {
    // As the outbox's own tests fail a mail for good: a row the worker cannot render fails at once.
    const bounced = await failingMail('CHL');
    const alert = await mailTo(secretariat.email, /^A mail could not be sent \(distribution, CHL\)/);
    expect(alert.text).toContain(bounced);
    const link = buttonLink(alert, 'Open the notification ledger');
    expect(link).toBe(webLink(suite.served.baseUrl, appRoutes.failedMail.path(), { lang: 'en' }));
    const page = await openAndSignIn(link, secretariat, 'en-US');
    await page.getByRole('heading', { level: 1, name: 'Mails not delivered' }).waitFor();
    const row = page.getByRole('row', { name: bounced });
    await row.getByRole('cell', { name: 'Chile', exact: true }).waitFor();
    await expectAccessible(page, 'undelivered mails (en)');
    const other = await openAndSignIn(link, focalHti, 'fr-FR');
    await other.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
  });

  it("a mission standing in for Chile's focal point is led to the public page, in Spanish, without signing in", async () => {
    const mail = await mailTo(missionChl, /Chile/);
    const link = buttonLink(mail, 'Cómo designar un punto focal');
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
    await expectCell(page, 'Objet', 'Envoyer les informations nationales pour le rapport annuel');
    await expectCell(page, 'État', 'Haïti');
    await expectCell(page, 'Statut', 'Ouverte');
    await expectAccessible(page, 'deadline from the reminder mail (fr)');
    adHoc = { id: deadlineId, due };
  });

  it("a week past the same deadline, the secretariat's escalation opens it, passed, in English", async () => {
    if (!adHoc) throw new Error('the reminder test did not create the deadline');
    const clock = suite.served.app.get(ClockService);
    const now = await suite.served.app.get(Clock).now();
    await clock.advance(ruleInstant(adHoc.due, 7, '09:00', TZ).getTime() + 60_000 - now.getTime());

    const mail = await mailTo(secretariat.email, /^Escalation: Haiti \(HTI\) is 7 days late/);
    const link = buttonLink(mail, 'Open the deadline');
    expect(new URL(link).pathname).toBe(`/app/deadlines/${adHoc.id}`);
    const page = await openAndSignIn(link, secretariat, 'en-US');
    await page.getByRole('heading', { level: 1, name: 'Deadline' }).waitFor();
    await expectCell(page, 'About', 'Send the national information for the annual report');
    await expectCell(page, 'State', 'Haiti');
    await expectCell(page, 'Status', 'Passed');
    await expectAccessible(page, 'deadline from the escalation mail (en)');
  });

  it("the next week's digest names a mail that failed and opens the undelivered mails (the clock moves on)", async () => {
    const bounced = await failingMail('HTI');
    await mailTo(secretariat.email, /^A mail could not be sent \(distribution, HTI\)/);
    await suite.served.app.get(ClockService).advance(7 * 24 * 60 * 60 * 1000);
    const digest = await waitFor(
      'the digest naming the failed mail',
      async () =>
        (await sink.to(secretariat.email)).find(
          (m) => m.subject.startsWith('Weekly compliance digest') && (m.text ?? '').includes(bounced),
        ),
      20000,
    );
    const link = buttonLink(digest, 'Open the mail ledger');
    expect(new URL(link).pathname).toBe('/app/outbox/failed');
    const page = await openAndSignIn(link, secretariat, 'en-US');
    await page.getByRole('heading', { level: 1, name: 'Mails not delivered' }).waitFor();
    await page.getByRole('row', { name: bounced }).getByRole('cell', { name: 'Haiti', exact: true }).waitFor();
    await expectAccessible(page, 'undelivered mails from the digest (en)');
  });
});
