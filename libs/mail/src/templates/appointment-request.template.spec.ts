import { LANGUAGES } from '@mesecvi/http';
import { renderMail } from './template-registry';
import type { AppointmentRequestProps } from './template-props';

const props: AppointmentRequestProps = {
  recipientName: null,
  stateName: 'Haïti',
  kinds: ['titular', 'focal_point'],
  replyDate: '2026-04-30',
  message: 'Cinquième cycle d’évaluation.',
  resent: false,
};
const TZ = { timeZone: 'America/New_York' };

describe('appointment_request mail', () => {
  it.each(LANGUAGES)('names the seats, the state and the reply date in %s', (language) => {
    const mail = renderMail('appointment_request', props, language, TZ);
    expect(mail.language).toBe(language);
    expect(mail.subject).toContain('Haïti');
    expect(mail.text).toContain(props.message);
    expect(mail.text).not.toMatch(/undefined|null|\[object/);
  });

  it('lists the seats in the language and marks a re-send as a reminder', () => {
    expect(renderMail('appointment_request', props, 'fr', TZ).text).toContain(
      'l’experte ou l’expert titulaire auprès du Comité d’expertes (CEVI) et le point focal',
    );
    expect(renderMail('appointment_request', props, 'es', TZ).subject).toBe(
      'Designaciones ante el MESECVI – Haïti – respuesta antes del 30 de abril de 2026',
    );
    expect(renderMail('appointment_request', { ...props, resent: true }, 'pt', TZ).subject).toMatch(/^Lembrete: /);
    expect(renderMail('appointment_request', { ...props, recipientName: 'Ana' }, 'en', TZ).text).toContain('Dear Ana,');
  });

  it('refuses an unknown seat', () => {
    expect(() => renderMail('appointment_request', { ...props, kinds: ['president'] }, 'en', TZ)).toThrow(/kinds/);
  });
});
