// The pages people open from a mail today, tried as they would: the link read from the SMTP
// sink and opened as mailed, in the person's language, with the keyboard alone, checked by axe
// and under the api's real Content Security Policy.
import { randomBytes } from 'node:crypto';
import { createAccount, login, MailSink, type ReceivedMail } from '../harness';
import { browserSuite, expectAccessible, KeyboardUser, type ServedApi } from './harness';

const unique = (): string => randomBytes(4).toString('hex');

/** The link of a mail, exactly as mailed (the public base URL is the served api's own). */
function mailedLink(mail: ReceivedMail, served: ServedApi, kind: 'invitation' | 'password-reset'): string {
  const escaped = served.baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const link = new RegExp(`${escaped}/account/${kind}/[A-Za-z0-9_-]+`).exec(mail.text ?? '')?.[0];
  if (!link) throw new Error(`no ${kind} link to ${served.baseUrl} in: ${mail.text}`);
  return link;
}

describe('account pages in the browser', () => {
  const suite = browserSuite();
  const sink = new MailSink();
  let admin: string;

  beforeAll(async () => {
    const secretariat = await createAccount(suite.served.ds, { role: 'secretariat' });
    admin = (await login(suite.served, secretariat.email, secretariat.password)).bearer;
  });

  /** Haiti has one focal point; the other tests invite contributors of the same ministry. */
  async function inviteToHaiti(
    role: 'state_focal_point' | 'state_contributor',
  ): Promise<{ email: string; link: string }> {
    const email = `${role}.hti.${unique()}@example.test`;
    await suite.served
      .http()
      .post('/accounts/invitations')
      .set('authorization', admin)
      .send({ email, name: 'Marie-Claire Joseph', role, stateCode: 'HTI' })
      .expect(201);
    const [mail] = await sink.waitForMailTo(email);
    return { email, link: mailedLink(mail, suite.served, 'invitation') };
  }

  it("Haiti's focal point activates her account from the mailed link, in French, with the keyboard alone", async () => {
    const { email, link } = await inviteToHaiti('state_focal_point');
    const { page } = await suite.open('fr-HT');
    await page.goto(link);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.getByRole('heading', { level: 1, name: 'Activez votre compte' }).waitFor();
    expect(await page.textContent('main')).toContain('Bienvenue, Marie-Claire Joseph.');
    await expectAccessible(page, 'invitation form (fr)');

    const password = 'Une phrase de passe pour Haïti 2026';
    const keyboard = new KeyboardUser(page);
    await keyboard.tab({ role: 'textbox', name: 'Nouveau mot de passe' });
    await keyboard.type(password);
    await keyboard.tab({ role: 'textbox', name: 'Répétez le mot de passe' });
    await keyboard.type(password);
    await keyboard.tab({ role: 'button', name: 'Activer mon compte' });
    await keyboard.shiftTab({ role: 'textbox', name: 'Répétez le mot de passe' });
    await keyboard.tab({ role: 'button', name: 'Activer mon compte' });
    await keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Terminé' }).waitFor();
    expect(await page.textContent('main')).toContain('Votre compte est actif.');
    await expectAccessible(page, 'invitation done (fr)');
    await keyboard.tab({ role: 'link', name: 'Se connecter' });
    expect(await page.getAttribute('a', 'href')).toBe('/sign-in');

    // What she typed is what she signs in with.
    await login(suite.served, email, password);
  });

  it('a wrong password twice: each time the French error is at the field, and the third try activates the account', async () => {
    const { email, link } = await inviteToHaiti('state_contributor');
    const { page } = await suite.open('fr');
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Activez votre compte' }).waitFor();
    const keyboard = new KeyboardUser(page);

    const attempt = async (password: string, confirmation: string): Promise<void> => {
      await keyboard.tab({ role: 'textbox', name: 'Nouveau mot de passe' });
      await keyboard.type(password);
      await keyboard.tab({ role: 'textbox', name: 'Répétez le mot de passe' });
      await keyboard.type(confirmation);
      await keyboard.press('Enter');
    };

    // (A password under 12 characters never leaves the page: the field's own minlength stops it.)
    await attempt('Une phrase de passe assez longue', 'Une autre phrase de passe longue');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe('Les deux mots de passe ne correspondent pas.');
    // The message stands at the field it is about and is read out with it.
    expect(await page.getAttribute('#confirmation', 'aria-describedby')).toBe('confirmation-error');
    expect(await page.getAttribute('#confirmation', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#password', 'aria-invalid')).toBeNull();
    await expectAccessible(page, 'invitation form, passwords differ (fr)');

    await attempt(email, email);
    await page.getByText('Le mot de passe ne doit pas être votre adresse électronique.').waitFor();
    expect(await page.getByRole('alert').textContent()).toBe(
      'Le mot de passe ne doit pas être votre adresse électronique.',
    );
    expect(await page.getAttribute('#password', 'aria-describedby')).toBe('password-error password-hint');
    expect(await page.getAttribute('#password', 'aria-invalid')).toBe('true');
    await expectAccessible(page, 'invitation form, password is the e-mail address (fr)');

    await attempt('Une phrase de passe assez longue', 'Une phrase de passe assez longue');
    await page.getByRole('heading', { level: 1, name: 'Terminé' }).waitFor();
    await login(suite.served, email, 'Une phrase de passe assez longue');
  });

  it('a Brazilian contributor resets her password on the Portuguese page', async () => {
    const account = await createAccount(suite.served.ds, {
      role: 'state_contributor',
      stateCode: 'BRA',
      language: 'pt',
    });
    await suite.served.http().post('/auth/password-reset').send({ email: account.email }).expect(202);
    const [mail] = await sink.waitForMailTo(account.email);
    const { page } = await suite.open('pt-BR');
    await page.goto(mailedLink(mail, suite.served, 'password-reset'));
    expect(await page.getAttribute('html', 'lang')).toBe('pt');
    await page.getByRole('heading', { level: 1, name: 'Escolha uma nova senha' }).waitFor();
    await expectAccessible(page, 'password reset form (pt)');

    const password = 'Uma frase-senha nova para o Brasil';
    const keyboard = new KeyboardUser(page);
    await keyboard.tab({ role: 'textbox', name: 'Nova senha' });
    await keyboard.type(password);
    await keyboard.tab({ role: 'textbox', name: 'Repita a senha' });
    await keyboard.type(password);
    await keyboard.tab({ role: 'button', name: 'Salvar a nova senha' });
    await keyboard.press('Space');

    await page.getByRole('heading', { level: 1, name: 'Concluído' }).waitFor();
    expect(await page.textContent('main')).toContain('A sua senha foi alterada.');
    await expectAccessible(page, 'password reset done (pt)');
    await keyboard.tab({ role: 'link', name: 'Entrar' });
    await login(suite.served, account.email, password);
  });
});
