// A pilot served over plain http on a host name that is not localhost (as on an office network,
// http://10.x.x.x:3000): the api must not tell the browser to upgrade to https (HSTS,
// upgrade-insecure-requests), or every form post goes to a port nothing answers.
import { randomBytes } from 'node:crypto';
import { createAccount, login, MailSink } from '../harness';
import { browserSuite, expectAccessible, KeyboardUser } from './harness';

const PILOT_HOST = 'pilot.mesecvi.test';

describe('a pilot served over http on its own host name', () => {
  const suite = browserSuite({ host: PILOT_HOST });

  it('serves the account page without HSTS or upgrade-insecure-requests, and its form works there', async () => {
    const { served } = suite;
    const secretariat = await createAccount(served.ds, { role: 'secretariat' });
    const admin = (await login(served, secretariat.email, secretariat.password)).bearer;
    const email = `fp.jam.${randomBytes(4).toString('hex')}@example.test`;
    await served
      .http()
      .post('/accounts/invitations')
      .set('authorization', admin)
      .send({ email, name: 'Andrea Campbell', role: 'state_focal_point', stateCode: 'JAM' })
      .expect(201);
    const [mail] = await new MailSink().waitForMailTo(email);
    const link = new RegExp(`http://${PILOT_HOST}:\\d+/account/invitation/[A-Za-z0-9_-]+`).exec(mail.text ?? '')?.[0];
    expect(link).toBeDefined();

    const { page } = await suite.open('en');
    const response = await page.goto(link!);
    const headers = response!.headers();
    expect(headers['strict-transport-security']).toBeUndefined();
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    await expectAccessible(page, 'invitation form over http (en)');

    const password = 'A passphrase for the Jamaica pilot';
    const keyboard = new KeyboardUser(page);
    await keyboard.tab({ role: 'textbox', name: 'New password' });
    await keyboard.type(password);
    await keyboard.tab({ role: 'textbox', name: 'Repeat the password' });
    await keyboard.type(password);
    await keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Done' }).waitFor();
    expect(page.url()).toBe(link);
    await expectAccessible(page, 'invitation done over http (en)');
    await login(served, email, password);
  });
});
