import type { MailTemplate } from './mail-template';
import type { ExtensionDecidedProps } from './template-props';

/** Tells a state the secretariat's decision on its request for more time. */
export const extensionDecidedTemplate: MailTemplate<ExtensionDecidedProps> = {
  propsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['recipientName', 'roundName', 'stateName', 'approved', 'dueDate', 'reason', 'link'],
    properties: {
      recipientName: { type: 'string', minLength: 1, maxLength: 300 },
      roundName: { type: 'string', minLength: 1, maxLength: 300 },
      stateName: { type: 'string', minLength: 1, maxLength: 300 },
      approved: { type: 'boolean' },
      dueDate: { type: 'string', format: 'date' },
      reason: { type: ['string', 'null'], maxLength: 4000 },
      link: { type: 'string', pattern: '^https?://\\S+$', maxLength: 2000 },
    },
  },
  sensitiveProps: [],
  copies: {
    en: (p, h) => ({
      subject: `${p.roundName}: extension ${p.approved ? 'granted' : 'not granted'} for ${p.stateName}`,
      greeting: `Dear ${p.recipientName},`,
      paragraphs: [
        p.approved
          ? `The Technical Secretariat has granted the extension requested for ${p.stateName}. The answers are now due by ${h.date(p.dueDate)}.`
          : `The Technical Secretariat could not grant the extension requested for ${p.stateName}. The answers remain due by ${h.date(p.dueDate)}.`,
        ...(p.reason ? [`Reason: ${p.reason}`] : []),
      ],
      action: { label: 'Open the questionnaire', url: p.link },
    }),
    es: (p, h) => ({
      subject: `${p.roundName}: prórroga ${p.approved ? 'concedida' : 'no concedida'} para ${p.stateName}`,
      greeting: `Estimado/a ${p.recipientName}:`,
      paragraphs: [
        p.approved
          ? `La Secretaría Técnica ha concedido la prórroga solicitada para ${p.stateName}. Las respuestas deben enviarse ahora a más tardar el ${h.date(p.dueDate)}.`
          : `La Secretaría Técnica no pudo conceder la prórroga solicitada para ${p.stateName}. Las respuestas siguen debiéndose a más tardar el ${h.date(p.dueDate)}.`,
        ...(p.reason ? [`Motivo: ${p.reason}`] : []),
      ],
      action: { label: 'Abrir el cuestionario', url: p.link },
    }),
    fr: (p, h) => ({
      subject: `${p.roundName} : prorogation ${p.approved ? 'accordée' : 'non accordée'} pour ${p.stateName}`,
      greeting: `Bonjour ${p.recipientName},`,
      paragraphs: [
        p.approved
          ? `Le Secrétariat technique a accordé la prorogation demandée pour ${p.stateName}. Les réponses sont désormais attendues au plus tard le ${h.date(p.dueDate)}.`
          : `Le Secrétariat technique n’a pas pu accorder la prorogation demandée pour ${p.stateName}. Les réponses restent attendues au plus tard le ${h.date(p.dueDate)}.`,
        ...(p.reason ? [`Motif : ${p.reason}`] : []),
      ],
      action: { label: 'Ouvrir le questionnaire', url: p.link },
    }),
    pt: (p, h) => ({
      subject: `${p.roundName}: prorrogação ${p.approved ? 'concedida' : 'não concedida'} para ${p.stateName}`,
      greeting: `Prezado(a) ${p.recipientName},`,
      paragraphs: [
        p.approved
          ? `A Secretaria Técnica concedeu a prorrogação solicitada para ${p.stateName}. As respostas devem agora ser enviadas até ${h.date(p.dueDate)}.`
          : `A Secretaria Técnica não pôde conceder a prorrogação solicitada para ${p.stateName}. As respostas continuam devidas até ${h.date(p.dueDate)}.`,
        ...(p.reason ? [`Motivo: ${p.reason}`] : []),
      ],
      action: { label: 'Abrir o questionário', url: p.link },
    }),
  },
};
