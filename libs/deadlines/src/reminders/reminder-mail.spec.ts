import { LANGUAGES } from '@mesecvi/http';
import { DEADLINE_KIND_COPY, renderMail } from '@mesecvi/mail';
import { DEADLINE_KINDS } from '../deadline-vocabulary';
import type { ClaimedReminder } from './reminder-claims.repository';
import { reminderLink, reminderMail } from './reminder-mail';

const reminder = (over: Partial<ClaimedReminder> = {}): ClaimedReminder => ({
  id: '5d7c1e2a-0b3f-4a6e-9c8d-7e6f5a4b3c2d',
  deadlineId: '8c0b1f0e-6d5f-4f21-a0f5-0c3e0e6a9a11',
  deadlineVersion: 1,
  recipientRole: 'focal_point',
  plannedAt: new Date('2026-09-23T13:00:00Z'),
  claims: 1,
  kind: 'response',
  subjectType: 'state_evaluation',
  subjectId: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
  stateCode: 'HTI',
  title: null,
  titleTranslations: null,
  dueDate: '2026-09-30',
  timeZone: 'America/New_York',
  currentVersion: 1,
  deadlineStatus: 'open',
  template: 'deadline_reminder',
  maxCount: 3,
  retired: false,
  ruleAddressesMission: false,
  laterRuleDue: false,
  alreadySent: 0,
  ...over,
});
const haiti = {
  code: 'HTI',
  names: { en: 'Haiti', es: 'Haití', fr: 'Haïti', pt: 'Haiti' },
  workingLanguage: 'fr' as const,
};
const person = (language: 'en' | 'es' | 'fr' | 'pt') => ({
  address: 'fp@example.ht',
  name: 'Marie Joseph',
  userId: null,
  language,
  ledgerRole: 'state_focal_point',
});
const link = 'https://platform.example.org/deadlines/8c0b1f0e-6d5f-4f21-a0f5-0c3e0e6a9a11';
const render = (mail: ReturnType<typeof reminderMail>) =>
  renderMail(mail.template, mail.payload, mail.language, { timeZone: 'America/New_York' });

describe('reminder mails', () => {
  it('has words for every deadline kind in every language (ad-hoc deadlines use their title)', () => {
    for (const language of LANGUAGES) {
      for (const kind of DEADLINE_KINDS.filter((k) => k !== 'ad_hoc'))
        expect({ language, kind, copy: Boolean(DEADLINE_KIND_COPY[language][kind]) }).toEqual({
          language,
          kind,
          copy: true,
        });
    }
  });

  it('shows days left, the due date in the language and the time zone, the state name in the language', () => {
    const now = new Date('2026-09-23T13:00:30Z'); // 09:00 in New York, 7 days before
    expect(render(reminderMail(reminder(), person('fr'), haiti, link, now)).subject).toBe(
      'Rappel : Réponses au questionnaire – Haïti – dans 7 jours',
    );
    const es = render(reminderMail(reminder(), person('es'), haiti, link, now));
    expect(es.subject).toBe('Recordatorio: Respuestas al cuestionario – Haití – vence en 7 días');
    expect(es.text).toContain('La fecha límite es el 30 de septiembre de 2026 (al final del día, hora de Nueva York).');
    const pt = render(reminderMail(reminder({ kind: 'observations' }), person('pt'), haiti, link, now));
    expect(pt.text).toContain('as observações sobre o relatório preliminar de país de Haiti vence em 7 dias');
    expect(render(reminderMail(reminder(), person('en'), haiti, link, new Date('2026-10-01T03:00:00Z'))).subject).toBe(
      'Reminder: Questionnaire answers – Haiti – due today',
    );
  });

  it('counts days late after the due date, and escalates to the secretariat with the state and code', () => {
    const late = new Date('2026-10-07T13:00:00Z');
    expect(render(reminderMail(reminder(), person('fr'), haiti, link, late)).subject).toBe(
      'Échéance dépassée : Réponses au questionnaire – Haïti – 7 jours de retard',
    );
    const escalation = render(
      reminderMail(reminder({ template: 'deadline_escalation' }), person('en'), haiti, link, late),
    );
    expect(escalation.subject).toBe('Escalation: Haiti (HTI) is 7 days late – Questionnaire answers');
    expect(escalation.text).toContain('The deadline was September 30, 2026 (end of the day, New York time)');
  });

  it('uses the ad-hoc title as what is due, and a neutral greeting for a bare mission address', () => {
    const mail = reminderMail(
      reminder({ kind: 'ad_hoc', title: 'Send the national information' }),
      { ...person('fr'), name: null, ledgerRole: 'permanent_mission' },
      haiti,
      link,
      new Date('2026-09-29T13:00:00Z'),
    );
    const rendered = render(mail);
    expect(rendered.subject).toBe('Rappel : Send the national information – Haïti – dans 1 jour');
    expect(rendered.text.startsWith('Madame, Monsieur,')).toBe(true);
    expect(mail.to).toEqual({
      address: 'fp@example.ht',
      name: undefined,
      userId: undefined,
      role: 'permanent_mission',
    });
  });

  it('tells a permanent mission standing in for a missing focal point how to designate one, in its language', () => {
    const page = 'https://platform.example.org/focal-point?lang=fr';
    const mission = { ...person('fr'), name: null, ledgerRole: 'permanent_mission_for_focal_point' };
    const rendered = render(reminderMail(reminder(), mission, haiti, link, new Date('2026-08-31T13:00:00Z'), page));
    expect(rendered.subject).toBe('Rappel : Réponses au questionnaire – Haïti – dans 30 jours');
    expect(rendered.text).toContain('n’a pas encore désigné de point focal national');
    expect(rendered.text).toContain(`Comment le désigner\u00a0: ${page}`);
    const focalPoint = render(reminderMail(reminder(), person('fr'), haiti, link, new Date('2026-08-31T13:00:00Z')));
    expect(focalPoint.text).not.toContain('point focal national');
  });

  it('names an ad-hoc deadline by its title in the reader’s language, else the English one, and the time zone by its city', () => {
    const adHoc = reminder({
      kind: 'ad_hoc',
      title: 'Send the national information',
      titleTranslations: { fr: 'Envoyer les informations nationales' },
    });
    const now = new Date('2026-09-23T13:00:30Z');
    const fr = render(reminderMail(adHoc, person('fr'), haiti, link, now));
    expect(fr.subject).toBe('Rappel : Envoyer les informations nationales – Haïti – dans 7 jours');
    expect(fr.text).toContain('(à la fin de la journée, heure de New York)');
    const es = render(reminderMail(adHoc, person('es'), haiti, link, now));
    expect(es.subject).toBe('Recordatorio: Send the national information – Haití – vence en 7 días');
    expect(render(reminderMail(adHoc, person('pt'), haiti, link, now)).text).toContain('horário de Nova York');
  });

  it('leads a review reminder to the evaluation’s review, any other to the deadline', () => {
    const base = 'https://platform.example.org';
    expect(reminderLink(base, reminder({ kind: 'review' }))).toBe(
      `${base}/app/evaluations/0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0/review`,
    );
    expect(reminderLink(base, reminder())).toBe(`${base}/app/deadlines/8c0b1f0e-6d5f-4f21-a0f5-0c3e0e6a9a11`);
  });
});
