import { COMMON_COPY } from './common-copy';
import type { MailTemplate } from './mail-template';
import type { ClarificationRequestedProps } from './template-props';

/** Tells a state's focal point and contributors that their submitted answers need clarifying, and by when. */
export const clarificationRequestedTemplate: MailTemplate<ClarificationRequestedProps> = {
  propsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['recipientName', 'roundName', 'stateName', 'versionNumber', 'message', 'dueDate', 'link'],
    properties: {
      recipientName: { type: 'string', minLength: 1, maxLength: 300 },
      roundName: { type: 'string', minLength: 1, maxLength: 300 },
      stateName: { type: 'string', minLength: 1, maxLength: 300 },
      versionNumber: { type: 'integer', minimum: 1 },
      // The request as stored: up to 4,000 characters, plus the answers a rapporteurs' request names (reviews).
      message: { type: 'string', minLength: 1, maxLength: 40000 },
      dueDate: { type: ['string', 'null'], format: 'date' },
      link: { type: 'string', pattern: '^https?://\\S+$', maxLength: 2000 },
    },
  },
  sensitiveProps: [],
  copies: {
    en: (p, h) => ({
      subject: `${p.roundName}: clarification of the answers of ${p.stateName} requested`,
      greeting: `Dear ${p.recipientName},`,
      paragraphs: [
        `The MESECVI has reviewed version ${p.versionNumber} of the answers of ${p.stateName} and asks for the following clarification:`,
        p.message,
        p.dueDate
          ? `Please submit the clarified answers by ${h.date(p.dueDate)}.`
          : 'Please submit the clarified answers as soon as possible.',
        'Your draft has been reopened with the answers you submitted: change what is needed and submit it again.',
      ],
      action: { label: COMMON_COPY.en.openEvaluation, url: p.link },
    }),
    es: (p, h) => ({
      subject: `${p.roundName}: se solicita una aclaración de las respuestas de ${p.stateName}`,
      greeting: `Estimado/a ${p.recipientName}:`,
      paragraphs: [
        `El MESECVI revisó la versión ${p.versionNumber} de las respuestas de ${p.stateName} y solicita la siguiente aclaración:`,
        p.message,
        p.dueDate
          ? `Le rogamos enviar las respuestas aclaradas a más tardar el ${h.date(p.dueDate)}.`
          : 'Le rogamos enviar las respuestas aclaradas lo antes posible.',
        'Su borrador se reabrió con las respuestas que envió: modifique lo necesario y envíelo de nuevo.',
      ],
      action: { label: COMMON_COPY.es.openEvaluation, url: p.link },
    }),
    fr: (p, h) => ({
      subject: `${p.roundName} : demande de précisions sur les réponses de ${p.stateName}`,
      greeting: `Bonjour ${p.recipientName},`,
      paragraphs: [
        `Le MESECVI a examiné la version ${p.versionNumber} des réponses de ${p.stateName} et demande les précisions suivantes :`,
        p.message,
        p.dueDate
          ? `Merci de soumettre les réponses précisées au plus tard le ${h.date(p.dueDate)}.`
          : 'Merci de soumettre les réponses précisées dès que possible.',
        'Votre brouillon a été rouvert avec les réponses soumises : modifiez ce qui est nécessaire et soumettez-le à nouveau.',
      ],
      action: { label: COMMON_COPY.fr.openEvaluation, url: p.link },
    }),
    pt: (p, h) => ({
      subject: `${p.roundName}: pedido de esclarecimento das respostas de ${p.stateName}`,
      greeting: `Prezado(a) ${p.recipientName},`,
      paragraphs: [
        `O MESECVI examinou a versão ${p.versionNumber} das respostas de ${p.stateName} e solicita o seguinte esclarecimento:`,
        p.message,
        p.dueDate
          ? `Pedimos que envie as respostas esclarecidas até ${h.date(p.dueDate)}.`
          : 'Pedimos que envie as respostas esclarecidas o quanto antes.',
        'Seu rascunho foi reaberto com as respostas enviadas: altere o que for necessário e envie-o novamente.',
      ],
      action: { label: COMMON_COPY.pt.openEvaluation, url: p.link },
    }),
  },
};
