import { LANGUAGES } from '@mesecvi/http';
import { renderMail } from './template-registry';
import type { WeeklyDigestProps } from './template-props';

const TZ = { timeZone: 'America/New_York' };

const digest: WeeklyDigestProps = {
  recipientName: 'Secretaría Técnica',
  weekOf: '2026-03-02',
  overdue: [
    {
      roundName: 'Fourth Multilateral Evaluation Round',
      states: [{ stateCode: 'HTI', stateName: 'Haïti', daysOverdue: 12 }],
      moreStates: 2,
    },
  ],
  upcoming: [
    { stateCode: 'BRA', stateName: 'Brasil', deadlineKind: 'observations', title: null, dueDate: '2026-03-10' },
  ],
  moreUpcoming: 0,
  failedMails: {
    count: 3,
    since: '2026-02-23T13:00:00.000Z',
    items: [{ kind: 'reminder', recipient: 'x@example.test', stateCode: 'MEX', lastError: '552 mailbox full' }],
  },
  link: 'http://localhost:3000/app/outbox/failed',
};

describe('weekly digest template', () => {
  it.each(LANGUAGES)('renders in %s with the lists, the counts and what was left out', (language) => {
    const mail = renderMail('weekly_digest', digest, language, TZ);
    expect(mail.language).toBe(language);
    expect(mail.subject).toMatch(/3\D+3/); // 3 overdue (1 listed + 2 more), 3 failed
    expect(mail.text).toContain('Haïti (HTI)');
    expect(mail.text).toContain('552 mailbox full');
    expect(mail.text).toContain('Brasil (BRA)');
    expect(mail.text).not.toMatch(/undefined|null|\[object/);
  });

  it('says so when there is nothing to report', () => {
    const mail = renderMail(
      'weekly_digest',
      { ...digest, overdue: [], upcoming: [], failedMails: { ...digest.failedMails, count: 0, items: [] } },
      'en',
      TZ,
    );
    expect(mail.text).toContain('No state is overdue in any open round.');
    expect(mail.text).toContain('No deadline falls due in the next 14 days.');
    expect(mail.subject).toBe('Weekly compliance digest – March 2, 2026: 0 overdue state(s), 0 failed mail(s)');
  });

  it('puts one state a line in both parts, and lists other passed deadlines by kind', () => {
    const mail = renderMail(
      'weekly_digest',
      {
        ...digest,
        overdue: [
          {
            roundName: 'Fourth Multilateral Evaluation Round',
            states: [
              { stateCode: 'HTI', stateName: 'Haiti', daysOverdue: 12 },
              { stateCode: 'MEX', stateName: 'Mexico', daysOverdue: 3 },
            ],
            moreStates: 0,
          },
        ],
        overdueDeadlines: [
          {
            stateCode: 'PER',
            stateName: 'Peru',
            deadlineKind: 'appointment_reply',
            title: null,
            dueDate: '2026-02-20',
            daysOverdue: 10,
          },
          {
            stateCode: 'ARG',
            stateName: 'Argentina',
            deadlineKind: 'ad_hoc',
            title: 'Shelter survey',
            dueDate: '2026-02-25',
            daysOverdue: 5,
          },
        ],
      },
      'en',
      TZ,
    );
    expect(mail.text).toContain(
      'Fourth Multilateral Evaluation Round:\n• Haiti (HTI): 12 day(s) overdue\n• Mexico (MEX): 3 day(s) overdue',
    );
    expect(mail.html).toContain(
      'Fourth Multilateral Evaluation Round:<br>\n• Haiti (HTI): 12 day(s) overdue<br>\n• Mexico (MEX): 3 day(s) overdue',
    );
    expect(mail.text).toContain('Appointment reply:\n• Peru (PER): due February 20, 2026, 10 day(s) overdue');
    expect(mail.text).toContain(
      'Other requests of the secretariat:\n• Argentina (ARG): Shelter survey – due February 25, 2026, 5 day(s) overdue',
    );
  });
});
