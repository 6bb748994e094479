import { LANGUAGES } from '@mesecvi/http';
import { COMMON_COPY } from './common-copy';
import { renderMail } from './template-registry';
import type { SubmissionReceivedProps } from './template-props';

const props: SubmissionReceivedProps = {
  recipientName: 'Technical Secretariat',
  roundName: 'Fourth Multilateral Evaluation Round',
  stateName: 'Argentina',
  versionNumber: 2,
  submittedAt: '2027-04-03T15:00:00.000Z',
  onTime: false,
  daysLate: 3,
  onBehalf: 'diplomatic_note',
  sha256: 'a'.repeat(64),
  link: 'https://platform.example.org/app/evaluations/x',
};

describe('submission_received mail', () => {
  it.each(LANGUAGES)('says in %s which version arrived, how late, on whose behalf, with its hash', (language) => {
    const mail = renderMail('submission_received', props, language, { timeZone: 'America/New_York' });
    expect(mail.language).toBe(language);
    expect(mail.subject).toContain('Argentina');
    expect(mail.text).toContain('a'.repeat(64));
    expect(mail.text).toMatch(/3 (day|día|jour|dia)/);
    expect(mail.text).not.toMatch(/undefined|null|\[object/);
    // The button says what it opens: the evaluation's page.
    expect(mail.html).toContain(`>${COMMON_COPY[language].openEvaluation}</a>`);
  });

  it('leaves out the on-behalf sentence when the state submitted itself', () => {
    const mail = renderMail(
      'submission_received',
      { ...props, onBehalf: null, onTime: true, daysLate: 0, versionNumber: 1 },
      'en',
      { timeZone: 'America/New_York' },
    );
    expect(mail.subject).toBe('Fourth Multilateral Evaluation Round: Argentina submitted its answers');
    expect(mail.text).toContain('on time');
    expect(mail.text).not.toContain('behalf');
    expect(mail.html).toContain('>Open the evaluation</a>');
  });
});
