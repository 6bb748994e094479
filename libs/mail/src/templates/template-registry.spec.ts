import { LANGUAGES } from '@mesecvi/http';
import type { MailTemplate } from './mail-template';
import { MAIL_TEMPLATES, MailRenderError, renderMail, renderTemplate, sensitivePropsOf } from './template-registry';
import type { InvitationProps, PasswordResetProps } from './template-props';

const TZ = { timeZone: 'America/New_York' };

const invitation: InvitationProps = {
  recipientName: 'Marie-Claire Étienne',
  roleLabel: 'point focal national',
  stateName: 'Haïti',
  link: 'https://platform.example.org/invitations/accept?token=abc123',
  expiresAt: '2026-03-15T21:00:00.000Z',
};

const reset: PasswordResetProps = {
  recipientName: 'João da Silva',
  link: 'https://platform.example.org/password-reset?token=xyz',
  expiresAt: '2026-03-15T21:00:00.000Z',
};

describe('mail templates', () => {
  it.each(LANGUAGES)('renders every template in %s, with subject, HTML and text', (language) => {
    for (const [name, props] of [
      ['invitation', invitation],
      ['password_reset', reset],
    ] as const) {
      const mail = renderMail(name, props, language, TZ);
      expect(mail.language).toBe(language);
      expect(mail.subject.length).toBeGreaterThan(10);
      expect(mail.html).toContain(`<html lang="${language}">`);
      expect(mail.html).toContain(`href="${props.link}"`);
      expect(mail.text).toContain(props.link);
      expect(mail.text).toContain(props.recipientName);
      expect(mail.text).not.toMatch(/undefined|null|\[object/);
    }
  });

  it('writes each language in its own words, with the official platform name', () => {
    expect(renderMail('invitation', invitation, 'en', TZ).text).toContain('MESECVI Follow-up Platform');
    expect(renderMail('invitation', invitation, 'es', TZ).text).toContain('Plataforma de Seguimiento del MESECVI');
    expect(renderMail('invitation', invitation, 'fr', TZ).text).toContain('Plateforme de suivi du MESECVI');
    expect(renderMail('invitation', invitation, 'pt', TZ).text).toContain('Plataforma de Acompanhamento do MESECVI');
    expect(renderMail('password_reset', reset, 'es', TZ).subject).toBe(
      'Restablecimiento de su contraseña – Plataforma de Seguimiento del MESECVI',
    );
  });

  it('keeps non-ASCII state names intact in the subject', () => {
    expect(renderMail('invitation', invitation, 'fr', TZ).subject).toBe(
      'Invitation à la Plateforme de suivi du MESECVI – Haïti',
    );
    const kna = renderMail('invitation', { ...invitation, stateName: 'São Cristóvão e Névis' }, 'pt', TZ);
    expect(kna.subject).toBe('Convite para a Plataforma de Acompanhamento do MESECVI – São Cristóvão e Névis');
  });

  it('leaves the state out for roles not bound to a state', () => {
    const mail = renderMail('invitation', { ...invitation, stateName: null, roleLabel: 'Committee expert' }, 'en', TZ);
    expect(mail.subject).toBe('Invitation to the MESECVI Follow-up Platform');
    expect(mail.text).toContain('as Committee expert.');
  });

  it('shows the expiry readably in the language and the mechanism time zone', () => {
    // 21:00 UTC on 15 March 2026 is 17:00 in New York (daylight saving time).
    expect(renderMail('invitation', invitation, 'en', TZ).text).toMatch(/March 15, 2026.*05:00\sPM.*EDT/);
    expect(renderMail('invitation', invitation, 'es', TZ).text).toMatch(/15 de marzo de 2026.*17:00/);
    expect(renderMail('invitation', invitation, 'fr', TZ).text).toMatch(/15 mars 2026.*17:00/);
    expect(renderMail('invitation', invitation, 'pt', TZ).text).toMatch(/15 de março de 2026.*17:00/);
    expect(renderMail('invitation', invitation, 'en', { timeZone: 'America/Port-au-Prince' }).text).toMatch(
      /March 15, 2026/,
    );
  });

  it('escapes every prop in the HTML part', () => {
    const hostile = {
      ...invitation,
      recipientName: '<script>alert("x")</script>',
      roleLabel: 'Expert & "friend"',
      stateName: "<img src=x onerror='1'>",
      link: 'https://platform.example.org/accept?token=a&b="><script>',
    };
    const mail = renderMail('invitation', hostile, 'en', TZ);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.html).toContain('Expert &amp; &quot;friend&quot;');
    expect(mail.html).toContain('href="https://platform.example.org/accept?token=a&amp;b=&quot;&gt;&lt;script&gt;"');
    // The text part is plain text: nothing to escape, nothing lost.
    expect(mail.text).toContain('<script>alert("x")</script>');
  });

  it('keeps the subject on one line whatever a name contains', () => {
    const mail = renderMail('invitation', { ...invitation, stateName: 'Haïti\r\nBcc: someone@example.org' }, 'en', TZ);
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('falls back to English for a language a template does not have', () => {
    const englishOnly: MailTemplate<{ name: string }> = {
      propsSchema: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { name: { type: 'string' } },
      },
      sensitiveProps: [],
      copies: {
        en: (p) => ({
          subject: `Hello ${p.name}`,
          greeting: `Dear ${p.name},`,
          paragraphs: ['Only in English so far.'],
        }),
      },
    };
    const mail = renderTemplate(englishOnly, { name: 'Ana' }, 'pt', TZ);
    expect(mail.language).toBe('en');
    expect(mail.subject).toBe('Hello Ana');
    expect(mail.html).toContain('<html lang="en">');
    // The shared signature and footer follow the language actually used.
    expect(mail.text).toContain('Technical Secretariat of the MESECVI');
  });

  it('refuses a payload that does not match the template, and an unknown template', () => {
    expect(() => renderMail('invitation', { ...invitation, link: undefined }, 'en', TZ)).toThrow(MailRenderError);
    expect(() => renderMail('invitation', { ...invitation, link: 'javascript:alert(1)' }, 'en', TZ)).toThrow(/link/);
    expect(() => renderMail('invitation', { ...invitation, expiresAt: 'tomorrow' }, 'en', TZ)).toThrow(/expiresAt/);
    expect(() => renderMail('invitation', { ...invitation, extra: 1 }, 'en', TZ)).toThrow(MailRenderError);
    expect(() => renderMail('no_such_template', {}, 'en', TZ)).toThrow('unknown mail template "no_such_template"');
  });

  it('names the props that must leave the ledger once sent', () => {
    expect(sensitivePropsOf('invitation')).toEqual(['link']);
    expect(sensitivePropsOf('password_reset')).toEqual(['link']);
    expect(sensitivePropsOf('unknown')).toEqual([]);
    expect(Object.keys(MAIL_TEMPLATES).sort()).toEqual([
      'appointment_request',
      'clarification_requested',
      'deadline_escalation',
      'deadline_reminder',
      'extension_decided',
      'invitation',
      'mail_failed',
      'password_reset',
      'preliminary_report',
      'questionnaire_distributed',
      'rapporteur_notice',
      'submission_received',
      'weekly_digest',
    ]);
  });
});
