import { LANGUAGES } from '@mesecvi/http';
import { renderMail } from './template-registry';
import type { QuestionnaireDistributedProps } from './template-props';

const props: QuestionnaireDistributedProps = {
  recipientName: 'Mission permanente d’Haïti',
  roundName: 'Fourth Multilateral Evaluation Round',
  stateName: 'Haïti',
  dueDate: '2027-03-31',
  link: 'https://platform.example.org/app/evaluations/x',
};
const page = 'https://platform.example.org/focal-point?lang=fr';

describe('questionnaire_distributed mail', () => {
  it.each(LANGUAGES)('says in %s how to designate a focal point when a permanent mission stands in', (language) => {
    const mail = renderMail('questionnaire_distributed', { ...props, designateFocalPointUrl: page }, language, {
      timeZone: 'America/New_York',
    });
    expect(mail.language).toBe(language);
    expect(mail.text).toContain(page);
    expect(mail.html).toContain(page);
    expect(mail.text).not.toMatch(/undefined|null|\[object/);
  });

  it('says nothing of designation to a focal point', () => {
    const mail = renderMail('questionnaire_distributed', props, 'fr', { timeZone: 'America/New_York' });
    expect(mail.subject).toBe(
      'Fourth Multilateral Evaluation Round : questionnaire pour Haïti – Plateforme de suivi du MESECVI',
    );
    expect(mail.text).not.toContain('désigner');
    expect(mail.text).not.toContain('focal-point');
    expect(mail.html).toMatch(/>Ouvrir le questionnaire<\/a>/);
  });

  it('labels the button of a stand-in mission with the page it opens, not the questionnaire', () => {
    const labels = {
      en: 'How to designate a focal point',
      es: 'Cómo designar un punto focal',
      fr: 'Comment désigner un point focal',
      pt: 'Como designar um ponto focal',
    };
    for (const language of LANGUAGES) {
      const mail = renderMail('questionnaire_distributed', { ...props, designateFocalPointUrl: page }, language, {
        timeZone: 'America/New_York',
      });
      expect(mail.html).toContain(`>${labels[language]}</a>`);
      expect(mail.html).not.toMatch(/(questionnaire|cuestionario|questionário)<\/a>/);
    }
  });
});
