import type { Language } from '@mesecvi/http';
import { endOfDayNote } from './deadline-copy';
import type { CopyHelpers, MailTemplate } from './mail-template';
import type { RapporteurNoticeProps } from './template-props';

/**
 * To a committee expert about an evaluation she reviews as rapporteur: she was assigned, the state
 * answered a clarification with a new version, or the state sent its observations on the
 * preliminary report.
 */
export const rapporteurNoticeTemplate: MailTemplate<RapporteurNoticeProps> = {
  propsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['recipientName', 'event', 'roundName', 'stateName', 'versionNumber', 'link'],
    properties: {
      recipientName: { type: 'string', minLength: 1, maxLength: 300 },
      event: { type: 'string', enum: ['assigned', 'clarification_answered', 'observations_received'] },
      roundName: { type: 'string', minLength: 1, maxLength: 300 },
      stateName: { type: 'string', minLength: 1, maxLength: 300 },
      versionNumber: { type: 'integer', nullable: true, minimum: 1 },
      link: { type: 'string', pattern: '^https?://\\S+$', maxLength: 2000 },
      reviewDueDate: { type: 'string', nullable: true, format: 'date' },
      timeZone: { type: 'string', nullable: true, minLength: 1, maxLength: 64 },
    },
  },
  sensitiveProps: [],
  copies: {
    en: (p, h) => ({
      subject: {
        assigned: `${p.roundName}: you are rapporteur for ${p.stateName}`,
        clarification_answered: `${p.roundName}: ${p.stateName} answered the clarification (version ${p.versionNumber})`,
        observations_received: `${p.roundName}: ${p.stateName} sent its observations on the preliminary report`,
      }[p.event],
      greeting: `Dear ${p.recipientName},`,
      paragraphs: [
        {
          assigned: `You have been assigned as rapporteur for the evaluation of ${p.stateName} in the ${p.roundName}. The submitted answers and the evidence are ready for your review.`,
          clarification_answered: `${p.stateName} answered the clarification requested in the ${p.roundName} with version ${p.versionNumber} of its answers. The platform shows what changed from the previous version.`,
          observations_received: `${p.stateName} sent its observations on the preliminary country report of the ${p.roundName}.`,
        }[p.event],
        ...reviewDue(p, h, 'en'),
      ],
      action: { label: 'Open the review', url: p.link },
    }),
    es: (p, h) => ({
      subject: {
        assigned: `${p.roundName}: usted es relatora para ${p.stateName}`,
        clarification_answered: `${p.roundName}: ${p.stateName} respondió la aclaración (versión ${p.versionNumber})`,
        observations_received: `${p.roundName}: ${p.stateName} envió sus observaciones al informe preliminar`,
      }[p.event],
      greeting: `Estimada ${p.recipientName}:`,
      paragraphs: [
        {
          assigned: `Ha sido designada relatora para la evaluación de ${p.stateName} en la ${p.roundName}. Las respuestas enviadas y la evidencia están disponibles para su revisión.`,
          clarification_answered: `${p.stateName} respondió la aclaración solicitada en la ${p.roundName} con la versión ${p.versionNumber} de sus respuestas. La plataforma muestra qué cambió respecto de la versión anterior.`,
          observations_received: `${p.stateName} envió sus observaciones al informe preliminar de país de la ${p.roundName}.`,
        }[p.event],
        ...reviewDue(p, h, 'es'),
      ],
      action: { label: 'Abrir la revisión', url: p.link },
    }),
    fr: (p, h) => ({
      subject: {
        assigned: `${p.roundName} : vous êtes rapporteuse pour ${p.stateName}`,
        clarification_answered: `${p.roundName} : ${p.stateName} a répondu à la demande d’éclaircissements (version ${p.versionNumber})`,
        observations_received: `${p.roundName} : ${p.stateName} a envoyé ses observations sur le rapport préliminaire`,
      }[p.event],
      greeting: `Bonjour ${p.recipientName},`,
      paragraphs: [
        {
          assigned: `Vous avez été désignée rapporteuse pour l’évaluation de ${p.stateName} dans le ${p.roundName}. Les réponses soumises et les pièces justificatives sont prêtes pour votre examen.`,
          clarification_answered: `${p.stateName} a répondu à la demande d’éclaircissements du ${p.roundName} par la version ${p.versionNumber} de ses réponses. La plateforme montre ce qui a changé par rapport à la version précédente.`,
          observations_received: `${p.stateName} a envoyé ses observations sur le rapport national préliminaire du ${p.roundName}.`,
        }[p.event],
        ...reviewDue(p, h, 'fr'),
      ],
      action: { label: 'Ouvrir l’examen', url: p.link },
    }),
    pt: (p, h) => ({
      subject: {
        assigned: `${p.roundName}: a senhora é relatora para ${p.stateName}`,
        clarification_answered: `${p.roundName}: ${p.stateName} respondeu ao esclarecimento (versão ${p.versionNumber})`,
        observations_received: `${p.roundName}: ${p.stateName} enviou suas observações sobre o relatório preliminar`,
      }[p.event],
      greeting: `Prezada ${p.recipientName},`,
      paragraphs: [
        {
          assigned: `A senhora foi designada relatora para a avaliação de ${p.stateName} na ${p.roundName}. As respostas enviadas e as evidências estão prontas para a sua revisão.`,
          clarification_answered: `${p.stateName} respondeu ao esclarecimento solicitado na ${p.roundName} com a versão ${p.versionNumber} das suas respostas. A plataforma mostra o que mudou em relação à versão anterior.`,
          observations_received: `${p.stateName} enviou suas observações sobre o relatório preliminar de país da ${p.roundName}.`,
        }[p.event],
        ...reviewDue(p, h, 'pt'),
      ],
      action: { label: 'Abrir a revisão', url: p.link },
    }),
  },
};

/** The review's due date, in the assignment mail only, as the other deadline mails write a due day. */
function reviewDue(p: RapporteurNoticeProps, h: CopyHelpers, language: Language): string[] {
  if (p.event !== 'assigned' || !p.reviewDueDate || !p.timeZone) return [];
  const when = `${h.date(p.reviewDueDate)} ${endOfDayNote(language, p.timeZone)}`;
  return [
    {
      en: `Your review is due on ${when}.`,
      es: `Su revisión vence el ${when}.`,
      fr: `Votre examen est attendu au plus tard le ${when}.`,
      pt: `A sua revisão vence em ${when}.`,
    }[language],
  ];
}
