import { inMailLanguage } from './mail-layout';
import { renderMail } from './template-registry';

describe('links in mails', () => {
  it("a link into the signed-in app carries the mail's language", () => {
    expect(inMailLanguage('https://platform.example.org/app/evaluations/x', 'fr')).toBe(
      'https://platform.example.org/app/evaluations/x?lang=fr',
    );
    expect(inMailLanguage('http://10.0.0.5:3000/app', 'pt')).toBe('http://10.0.0.5:3000/app?lang=pt');
  });

  it('leaves pages outside the app as they are, and replaces a language the link already named', () => {
    const page = 'https://platform.example.org/focal-point?lang=es';
    expect(inMailLanguage(page, 'fr')).toBe(page);
    expect(inMailLanguage('https://platform.example.org/application', 'fr')).toBe(
      'https://platform.example.org/application',
    );
    expect(inMailLanguage('https://platform.example.org/app/outbox/failed?lang=en', 'es')).toBe(
      'https://platform.example.org/app/outbox/failed?lang=es',
    );
  });

  it('the button and the written-out address both carry it', () => {
    const mail = renderMail(
      'questionnaire_distributed',
      {
        recipientName: 'Marie-Claire Joseph',
        roundName: 'Fourth Multilateral Evaluation Round',
        stateName: 'Haïti',
        dueDate: '2027-03-31',
        link: 'https://platform.example.org/app/evaluations/x',
      },
      'fr',
      { timeZone: 'America/New_York' },
    );
    expect(mail.text).toContain('https://platform.example.org/app/evaluations/x?lang=fr');
    expect(mail.html).toContain('href="https://platform.example.org/app/evaluations/x?lang=fr"');
  });
});
