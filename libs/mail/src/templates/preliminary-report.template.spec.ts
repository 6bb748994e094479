import { LANGUAGES } from '@mesecvi/http';
import { renderMail } from './template-registry';
import type { PreliminaryReportProps } from './template-props';

const props: PreliminaryReportProps = {
  recipientName: 'Laura Martínez',
  roundName: 'Fourth Multilateral Evaluation Round',
  stateName: 'Brasil',
  recommendations: 12,
  dueDate: '2027-06-30',
  link: 'https://platform.example.org/app/evaluations/5c8a7b6d-1e2f-4a3b-9c4d-5e6f7a8b9c0d/report',
};

describe('preliminary report mail', () => {
  it.each(LANGUAGES)('renders in %s with the due date, the count and the link', (language) => {
    const mail = renderMail('preliminary_report', props, language, { timeZone: 'America/New_York' });
    expect(mail.subject).toContain('Brasil');
    expect(mail.text).toContain('12');
    expect(mail.text).toContain('2027');
    expect(mail.html).toContain(`href="${props.link}?lang=${language}"`);
  });
});
