import type { MailTemplate } from './mail-template';
import type { InvitationProps } from './template-props';

/** Sent when the secretariat (or a focal point) invites someone to an account. */
export const invitationTemplate: MailTemplate<InvitationProps> = {
  propsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['recipientName', 'roleLabel', 'stateName', 'link', 'expiresAt'],
    properties: {
      recipientName: { type: 'string', minLength: 1, maxLength: 300 },
      roleLabel: { type: 'string', minLength: 1, maxLength: 200 },
      stateName: { type: 'string', nullable: true, minLength: 1, maxLength: 200 },
      link: { type: 'string', pattern: '^https?://\\S+$', maxLength: 2000 },
      expiresAt: { type: 'string', format: 'date-time' },
    },
  },
  sensitiveProps: ['link'],
  copies: {
    en: (p, h) => ({
      subject: `Invitation to the MESECVI Follow-up Platform${p.stateName ? ` – ${p.stateName}` : ''}`,
      greeting: `Dear ${p.recipientName},`,
      paragraphs: [
        `You are invited to join the MESECVI Follow-up Platform as ${p.roleLabel}${p.stateName ? ` for ${p.stateName}` : ''}.`,
        `To accept the invitation and choose your password, please use the link below. It is valid until ${h.dateTime(p.expiresAt)}.`,
      ],
      action: { label: 'Accept the invitation', url: p.link },
      after: ['If you were not expecting this invitation, you may safely ignore this message.'],
    }),
    es: (p, h) => ({
      subject: `Invitación a la Plataforma de Seguimiento del MESECVI${p.stateName ? ` – ${p.stateName}` : ''}`,
      greeting: `Estimado/a ${p.recipientName}:`,
      paragraphs: [
        `Le invitamos a unirse a la Plataforma de Seguimiento del MESECVI en calidad de ${p.roleLabel}${p.stateName ? ` por ${p.stateName}` : ''}.`,
        `Para aceptar la invitación y elegir su contraseña, utilice el enlace siguiente, válido hasta el ${h.dateTime(p.expiresAt)}.`,
      ],
      action: { label: 'Aceptar la invitación', url: p.link },
      after: ['Si no esperaba esta invitación, puede ignorar este mensaje.'],
    }),
    fr: (p, h) => ({
      subject: `Invitation à la Plateforme de suivi du MESECVI${p.stateName ? ` – ${p.stateName}` : ''}`,
      greeting: `Bonjour ${p.recipientName},`,
      paragraphs: [
        `Nous avons le plaisir de vous inviter à rejoindre la Plateforme de suivi du MESECVI en qualité de ${p.roleLabel}${p.stateName ? ` pour ${p.stateName}` : ''}.`,
        `Pour accepter l’invitation et choisir votre mot de passe, veuillez utiliser le lien ci-dessous, valable jusqu’au ${h.dateTime(p.expiresAt)}.`,
      ],
      action: { label: 'Accepter l’invitation', url: p.link },
      after: ['Si vous n’attendiez pas cette invitation, vous pouvez ignorer ce message.'],
    }),
    pt: (p, h) => ({
      subject: `Convite para a Plataforma de Acompanhamento do MESECVI${p.stateName ? ` – ${p.stateName}` : ''}`,
      greeting: `Prezado(a) ${p.recipientName},`,
      paragraphs: [
        `Temos o prazer de convidá-lo(a) a integrar a Plataforma de Acompanhamento do MESECVI como ${p.roleLabel}${p.stateName ? ` de ${p.stateName}` : ''}.`,
        `Para aceitar o convite e escolher sua senha, utilize o link abaixo, válido até ${h.dateTime(p.expiresAt)}.`,
      ],
      action: { label: 'Aceitar o convite', url: p.link },
      after: ['Se não esperava este convite, pode ignorar esta mensagem.'],
    }),
  },
};
