import type { MailTemplate } from './mail-template';
import type { MailFailedProps } from './template-props';

/** Tells the secretariat that a mail of the platform could not be delivered to its SMTP server. */
export const mailFailedTemplate: MailTemplate<MailFailedProps> = {
  propsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['recipientName', 'failedKind', 'failedRecipient', 'stateCode', 'lastError', 'attempts', 'ledgerLink'],
    properties: {
      recipientName: { type: 'string', minLength: 1, maxLength: 300 },
      failedKind: { type: 'string', minLength: 1, maxLength: 60 },
      failedRecipient: { type: 'string', minLength: 1, maxLength: 320 },
      stateCode: { type: ['string', 'null'], maxLength: 3 },
      lastError: { type: 'string', maxLength: 2000 },
      attempts: { type: 'integer', minimum: 0 },
      ledgerLink: { type: 'string', pattern: '^https?://\\S+$', maxLength: 2000 },
    },
  },
  sensitiveProps: [],
  copies: {
    en: (p) => ({
      subject: `A mail could not be sent (${p.failedKind}${p.stateCode ? `, ${p.stateCode}` : ''}) – MESECVI Follow-up Platform`,
      greeting: `Dear ${p.recipientName},`,
      paragraphs: [
        `The platform gave up sending a "${p.failedKind}" mail to ${p.failedRecipient}${p.stateCode ? ` (${p.stateCode})` : ''} after ${p.attempts} attempt(s).`,
        `Last error: ${p.lastError}`,
        'Check the address or the mail server; the notification ledger shows the message and its history.',
      ],
      action: { label: 'Open the notification ledger', url: p.ledgerLink },
    }),
    es: (p) => ({
      subject: `No se pudo enviar un correo (${p.failedKind}${p.stateCode ? `, ${p.stateCode}` : ''}) – Plataforma de Seguimiento del MESECVI`,
      greeting: `Estimado/a ${p.recipientName}:`,
      paragraphs: [
        `La plataforma dejó de intentar el envío de un correo «${p.failedKind}» a ${p.failedRecipient}${p.stateCode ? ` (${p.stateCode})` : ''} tras ${p.attempts} intento(s).`,
        `Último error: ${p.lastError}`,
        'Verifique la dirección o el servidor de correo; el registro de notificaciones muestra el mensaje y su historial.',
      ],
      action: { label: 'Abrir el registro de notificaciones', url: p.ledgerLink },
    }),
    fr: (p) => ({
      subject: `Un courriel n’a pas pu être envoyé (${p.failedKind}${p.stateCode ? `, ${p.stateCode}` : ''}) – Plateforme de suivi du MESECVI`,
      greeting: `Bonjour ${p.recipientName},`,
      paragraphs: [
        `La plateforme a renoncé à envoyer un courriel « ${p.failedKind} » à ${p.failedRecipient}${p.stateCode ? ` (${p.stateCode})` : ''} après ${p.attempts} tentative(s).`,
        `Dernière erreur : ${p.lastError}`,
        'Vérifiez l’adresse ou le serveur de messagerie ; le registre des notifications montre le message et son historique.',
      ],
      action: { label: 'Ouvrir le registre des notifications', url: p.ledgerLink },
    }),
    pt: (p) => ({
      subject: `Não foi possível enviar um e-mail (${p.failedKind}${p.stateCode ? `, ${p.stateCode}` : ''}) – Plataforma de Acompanhamento do MESECVI`,
      greeting: `Prezado(a) ${p.recipientName},`,
      paragraphs: [
        `A plataforma desistiu de enviar um e-mail “${p.failedKind}” para ${p.failedRecipient}${p.stateCode ? ` (${p.stateCode})` : ''} após ${p.attempts} tentativa(s).`,
        `Último erro: ${p.lastError}`,
        'Verifique o endereço ou o servidor de e-mail; o registro de notificações mostra a mensagem e o seu histórico.',
      ],
      action: { label: 'Abrir o registro de notificações', url: p.ledgerLink },
    }),
  },
};
