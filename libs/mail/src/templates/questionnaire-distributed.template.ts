import { designateFocalPoint, designateFocalPointUrlSchema, standInAction } from './focal-point-copy';
import type { MailTemplate } from './mail-template';
import type { QuestionnaireDistributedProps } from './template-props';

/**
 * Sent to a state's focal point and contributors when a round's questionnaire is distributed, and
 * to its permanent mission while it has no focal point.
 */
export const questionnaireDistributedTemplate: MailTemplate<QuestionnaireDistributedProps> = {
  propsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['recipientName', 'roundName', 'stateName', 'dueDate', 'link'],
    properties: {
      recipientName: { type: 'string', minLength: 1, maxLength: 300 },
      roundName: { type: 'string', minLength: 1, maxLength: 300 },
      stateName: { type: 'string', minLength: 1, maxLength: 300 },
      dueDate: { type: 'string', format: 'date' },
      link: { type: 'string', pattern: '^https?://\\S+$', maxLength: 2000 },
      designateFocalPointUrl: designateFocalPointUrlSchema,
    },
  },
  sensitiveProps: [],
  copies: {
    en: (p, h) => ({
      subject: `${p.roundName}: questionnaire for ${p.stateName} – MESECVI Follow-up Platform`,
      greeting: `Dear ${p.recipientName},`,
      paragraphs: [
        `The Technical Secretariat of the MESECVI has distributed the questionnaire of the ${p.roundName} to ${p.stateName}.`,
        `The answers are due by ${h.date(p.dueDate)}. Contributors can save drafts at any time; the national focal point submits the final answers.`,
      ],
      action: { label: standInAction('en', p.designateFocalPointUrl) ?? 'Open the questionnaire', url: p.link },
      after: [
        'If you need more time, the focal point can request an extension with a justification.',
        ...designateFocalPoint('en', p.designateFocalPointUrl),
      ],
    }),
    es: (p, h) => ({
      subject: `${p.roundName}: cuestionario para ${p.stateName} – Plataforma de Seguimiento del MESECVI`,
      greeting: `Estimado/a ${p.recipientName}:`,
      paragraphs: [
        `La Secretaría Técnica del MESECVI ha distribuido el cuestionario de la ${p.roundName} a ${p.stateName}.`,
        `Las respuestas deben enviarse a más tardar el ${h.date(p.dueDate)}. Las personas colaboradoras pueden guardar borradores en todo momento; el punto focal nacional envía las respuestas definitivas.`,
      ],
      action: { label: standInAction('es', p.designateFocalPointUrl) ?? 'Abrir el cuestionario', url: p.link },
      after: [
        'Si necesita más tiempo, el punto focal puede solicitar una prórroga con una justificación.',
        ...designateFocalPoint('es', p.designateFocalPointUrl),
      ],
    }),
    fr: (p, h) => ({
      subject: `${p.roundName} : questionnaire pour ${p.stateName} – Plateforme de suivi du MESECVI`,
      greeting: `Bonjour ${p.recipientName},`,
      paragraphs: [
        `Le Secrétariat technique du MESECVI a transmis le questionnaire du ${p.roundName} à ${p.stateName}.`,
        `Les réponses sont attendues au plus tard le ${h.date(p.dueDate)}. Les contributeurs peuvent enregistrer des brouillons à tout moment ; le point focal national soumet les réponses définitives.`,
      ],
      action: { label: standInAction('fr', p.designateFocalPointUrl) ?? 'Ouvrir le questionnaire', url: p.link },
      after: [
        'Si vous avez besoin de plus de temps, le point focal peut demander une prorogation en la justifiant.',
        ...designateFocalPoint('fr', p.designateFocalPointUrl),
      ],
    }),
    pt: (p, h) => ({
      subject: `${p.roundName}: questionário para ${p.stateName} – Plataforma de Acompanhamento do MESECVI`,
      greeting: `Prezado(a) ${p.recipientName},`,
      paragraphs: [
        `A Secretaria Técnica do MESECVI distribuiu o questionário da ${p.roundName} a ${p.stateName}.`,
        `As respostas devem ser enviadas até ${h.date(p.dueDate)}. Os colaboradores podem salvar rascunhos a qualquer momento; o ponto focal nacional envia as respostas definitivas.`,
      ],
      action: { label: standInAction('pt', p.designateFocalPointUrl) ?? 'Abrir o questionário', url: p.link },
      after: [
        'Se precisar de mais tempo, o ponto focal pode solicitar uma prorrogação com justificativa.',
        ...designateFocalPoint('pt', p.designateFocalPointUrl),
      ],
    }),
  },
};
