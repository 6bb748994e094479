import type { MailTemplate } from './mail-template';
import type { PreliminaryReportProps } from './template-props';

/** Sends a state its preliminary country report, with the date its observations are due. */
export const preliminaryReportTemplate: MailTemplate<PreliminaryReportProps> = {
  propsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['recipientName', 'roundName', 'stateName', 'recommendations', 'dueDate', 'link'],
    properties: {
      recipientName: { type: 'string', minLength: 1, maxLength: 300 },
      roundName: { type: 'string', minLength: 1, maxLength: 300 },
      stateName: { type: 'string', minLength: 1, maxLength: 300 },
      recommendations: { type: 'integer', minimum: 0 },
      dueDate: { type: 'string', format: 'date' },
      link: { type: 'string', pattern: '^https?://\\S+$', maxLength: 2000 },
    },
  },
  sensitiveProps: [],
  copies: {
    en: (p, h) => ({
      subject: `${p.roundName}: preliminary country report of ${p.stateName}`,
      greeting: `Dear ${p.recipientName},`,
      paragraphs: [
        `The Committee of Experts sends ${p.stateName} its preliminary country report, with ${p.recommendations} recommendation(s).`,
        `The State may submit observations, in general or on each recommendation, until ${h.date(p.dueDate)}. The final report will include them.`,
      ],
      action: { label: 'Read the preliminary report', url: p.link },
    }),
    es: (p, h) => ({
      subject: `${p.roundName}: informe de país preliminar de ${p.stateName}`,
      greeting: `Estimado/a ${p.recipientName}:`,
      paragraphs: [
        `El Comité de Expertas envía a ${p.stateName} su informe de país preliminar, con ${p.recommendations} recomendación(es).`,
        `El Estado puede presentar observaciones, generales o sobre cada recomendación, hasta el ${h.date(p.dueDate)}. El informe final las incluirá.`,
      ],
      action: { label: 'Leer el informe preliminar', url: p.link },
    }),
    fr: (p, h) => ({
      subject: `${p.roundName} : rapport de pays préliminaire de ${p.stateName}`,
      greeting: `Bonjour ${p.recipientName},`,
      paragraphs: [
        `Le Comité d’expertes adresse à ${p.stateName} son rapport de pays préliminaire, avec ${p.recommendations} recommandation(s).`,
        `L’État peut présenter ses observations, générales ou sur chaque recommandation, jusqu’au ${h.date(p.dueDate)}. Le rapport final les inclura.`,
      ],
      action: { label: 'Lire le rapport préliminaire', url: p.link },
    }),
    pt: (p, h) => ({
      subject: `${p.roundName}: relatório de país preliminar de ${p.stateName}`,
      greeting: `Prezado(a) ${p.recipientName},`,
      paragraphs: [
        `O Comitê de Especialistas envia a ${p.stateName} seu relatório de país preliminar, com ${p.recommendations} recomendação(ões).`,
        `O Estado pode apresentar observações, gerais ou sobre cada recomendação, até ${h.date(p.dueDate)}. O relatório final as incluirá.`,
      ],
      action: { label: 'Ler o relatório preliminar', url: p.link },
    }),
  },
};
