import { LANGUAGES } from '@mesecvi/http';
import { renderMail } from './template-registry';
import type { RapporteurNoticeProps } from './template-props';

const props: RapporteurNoticeProps = {
  recipientName: 'Marie Joseph',
  event: 'assigned',
  roundName: 'Fourth Multilateral Evaluation Round',
  stateName: 'Brasil',
  versionNumber: null,
  link: 'https://platform.example.org/app/evaluations/x/review',
};
const TZ = { timeZone: 'America/New_York' };

describe('rapporteur_notice mail', () => {
  it.each(LANGUAGES)('has words in %s for every event, naming the state and the round', (language) => {
    for (const event of ['assigned', 'clarification_answered', 'observations_received'] as const) {
      const mail = renderMail('rapporteur_notice', { ...props, event, versionNumber: 2 }, language, TZ);
      expect(mail.language).toBe(language);
      expect(mail.subject).toContain('Brasil');
      expect(mail.subject).toContain('Fourth Multilateral Evaluation Round');
      expect(mail.text).toContain(props.link);
      expect(mail.text).not.toMatch(/undefined|null|\[object/);
    }
  });

  it('gives the new version when the state answered a clarification', () => {
    const mail = renderMail(
      'rapporteur_notice',
      { ...props, event: 'clarification_answered', versionNumber: 3 },
      'en',
      TZ,
    );
    expect(mail.subject).toBe('Fourth Multilateral Evaluation Round: Brasil answered the clarification (version 3)');
  });

  it('states the review due date in the assignment mail only, as the language writes dates', () => {
    const due = { reviewDueDate: '2027-03-15', timeZone: 'America/New_York' };
    const fr = renderMail('rapporteur_notice', { ...props, ...due }, 'fr', TZ);
    expect(fr.text).toContain(
      'Votre examen est attendu au plus tard le 15 mars 2027 (à la fin de la journée, heure de New York).',
    );
    expect(renderMail('rapporteur_notice', { ...props, ...due }, 'en', TZ).text).toContain(
      'Your review is due on March 15, 2027 (end of the day, New York time).',
    );
    const answered = renderMail('rapporteur_notice', { ...props, ...due, event: 'observations_received' }, 'en', TZ);
    expect(answered.text).not.toContain('Your review is due');
    expect(renderMail('rapporteur_notice', props, 'en', TZ).text).not.toContain('Your review is due');
  });

  it('refuses an unknown event', () => {
    expect(() => renderMail('rapporteur_notice', { ...props, event: 'review_due' }, 'en', TZ)).toThrow(/event/);
  });
});
