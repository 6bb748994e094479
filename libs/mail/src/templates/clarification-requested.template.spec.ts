import { LANGUAGES } from '@mesecvi/http';
import { COMMON_COPY } from './common-copy';
import { renderMail } from './template-registry';
import type { ClarificationRequestedProps } from './template-props';

const props: ClarificationRequestedProps = {
  recipientName: 'María Pérez',
  roundName: 'Fourth Multilateral Evaluation Round',
  stateName: 'Argentina',
  versionNumber: 1,
  message: 'Please give the sources of LEG-01.',
  dueDate: '2027-06-30',
  link: 'https://platform.example.org/app/evaluations/x',
};

describe('clarification_requested mail', () => {
  it.each(LANGUAGES)('quotes the request in %s, names the version and the due date, links to the draft', (language) => {
    const mail = renderMail('clarification_requested', props, language, { timeZone: 'America/New_York' });
    expect(mail.language).toBe(language);
    expect(mail.subject).toContain('Argentina');
    expect(mail.text).toContain('Please give the sources of LEG-01.');
    expect(mail.text).toContain(props.link);
    expect(mail.text).toMatch(/2027/);
    expect(mail.text).toMatch(/\b1\b/);
    expect(mail.text).not.toMatch(/undefined|null|\[object/);
    // The button says what it opens: the evaluation's page, not a draft.
    expect(mail.html).toContain(`>${COMMON_COPY[language].openEvaluation}</a>`);
  });

  it('writes each language in its own words', () => {
    expect(renderMail('clarification_requested', props, 'es', { timeZone: 'America/New_York' }).text).toContain(
      '30 de junio de 2027',
    );
    expect(renderMail('clarification_requested', props, 'fr', { timeZone: 'America/New_York' }).subject).toContain(
      'demande de précisions',
    );
    expect(renderMail('clarification_requested', props, 'fr', { timeZone: 'America/New_York' }).html).toContain(
      '>Ouvrir l’évaluation</a>',
    );
    expect(renderMail('clarification_requested', props, 'pt', { timeZone: 'America/New_York' }).subject).toContain(
      'esclarecimento',
    );
  });

  it('asks for the answers as soon as possible when the request has no due date', () => {
    const mail = renderMail('clarification_requested', { ...props, dueDate: null }, 'en', {
      timeZone: 'America/New_York',
    });
    expect(mail.text).toContain('as soon as possible');
  });
});
