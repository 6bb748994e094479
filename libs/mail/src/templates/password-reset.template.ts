import type { MailTemplate } from './mail-template';
import type { PasswordResetProps } from './template-props';

/** Sent when someone asks to reset the password of an existing account. */
export const passwordResetTemplate: MailTemplate<PasswordResetProps> = {
  propsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['recipientName', 'link', 'expiresAt'],
    properties: {
      recipientName: { type: 'string', minLength: 1, maxLength: 300 },
      link: { type: 'string', pattern: '^https?://\\S+$', maxLength: 2000 },
      expiresAt: { type: 'string', format: 'date-time' },
    },
  },
  sensitiveProps: ['link'],
  copies: {
    en: (p, h) => ({
      subject: 'Reset your password – MESECVI Follow-up Platform',
      greeting: `Dear ${p.recipientName},`,
      paragraphs: [
        'We received a request to reset the password of your account on the MESECVI Follow-up Platform.',
        `To choose a new password, please use the link below. It can be used once and is valid until ${h.dateTime(p.expiresAt)}.`,
      ],
      action: { label: 'Choose a new password', url: p.link },
      after: ['If you did not make this request, you may ignore this message: your password will not change.'],
    }),
    es: (p, h) => ({
      subject: 'Restablecimiento de su contraseña – Plataforma de Seguimiento del MESECVI',
      greeting: `Estimado/a ${p.recipientName}:`,
      paragraphs: [
        'Hemos recibido una solicitud para restablecer la contraseña de su cuenta en la Plataforma de Seguimiento del MESECVI.',
        `Para elegir una nueva contraseña, utilice el enlace siguiente. Puede usarse una sola vez y es válido hasta el ${h.dateTime(p.expiresAt)}.`,
      ],
      action: { label: 'Elegir una nueva contraseña', url: p.link },
      after: ['Si usted no hizo esta solicitud, puede ignorar este mensaje: su contraseña no cambiará.'],
    }),
    fr: (p, h) => ({
      subject: 'Réinitialisation de votre mot de passe – Plateforme de suivi du MESECVI',
      greeting: `Bonjour ${p.recipientName},`,
      paragraphs: [
        'Nous avons reçu une demande de réinitialisation du mot de passe de votre compte sur la Plateforme de suivi du MESECVI.',
        `Pour choisir un nouveau mot de passe, veuillez utiliser le lien ci-dessous. Il n’est utilisable qu’une fois et reste valable jusqu’au ${h.dateTime(p.expiresAt)}.`,
      ],
      action: { label: 'Choisir un nouveau mot de passe', url: p.link },
      after: [
        'Si vous n’êtes pas à l’origine de cette demande, vous pouvez ignorer ce message : votre mot de passe ne sera pas modifié.',
      ],
    }),
    pt: (p, h) => ({
      subject: 'Redefinição da sua senha – Plataforma de Acompanhamento do MESECVI',
      greeting: `Prezado(a) ${p.recipientName},`,
      paragraphs: [
        'Recebemos uma solicitação para redefinir a senha da sua conta na Plataforma de Acompanhamento do MESECVI.',
        `Para escolher uma nova senha, utilize o link abaixo. Ele pode ser usado uma única vez e é válido até ${h.dateTime(p.expiresAt)}.`,
      ],
      action: { label: 'Escolher uma nova senha', url: p.link },
      after: ['Se não foi você quem fez esta solicitação, pode ignorar esta mensagem: sua senha não será alterada.'],
    }),
  },
};
