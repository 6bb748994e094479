import { daysText, endOfDayNote, whatIsDue } from './deadline-copy';
import { deadlinePropsSchema } from './deadline-reminder.template';
import type { MailTemplate } from './mail-template';
import type { DeadlineEscalationProps } from './template-props';

/** Tells the secretariat that a state is late: which state, what, since when, and how late. */
export const deadlineEscalationTemplate: MailTemplate<DeadlineEscalationProps> = {
  propsSchema: {
    type: 'object',
    additionalProperties: false,
    required: [
      'recipientName',
      'stateName',
      'stateCode',
      'deadlineKind',
      'title',
      'dueDate',
      'timeZone',
      'daysLate',
      'link',
    ],
    properties: {
      ...deadlinePropsSchema,
      stateCode: { type: 'string', pattern: '^[A-Z]{3}$' },
      daysLate: { type: 'integer', minimum: 0, maximum: 3650 },
    },
  },
  sensitiveProps: [],
  copies: {
    en: (p, h) => {
      const due = whatIsDue('en', p.deadlineKind, p.title);
      return {
        subject: `Escalation: ${p.stateName} (${p.stateCode}) is ${daysText('en', p.daysLate)} late – ${due.label}`,
        greeting: p.recipientName ? `Dear ${p.recipientName},` : 'Dear colleague,',
        paragraphs: [
          `${p.stateName} (${p.stateCode}) has not yet sent ${due.what}.`,
          `The deadline was ${h.date(p.dueDate)} ${endOfDayNote('en', p.timeZone)}: the state is ${daysText('en', p.daysLate)} late. The focal point and the permanent mission were reminded.`,
        ],
        action: { label: 'Open the deadline', url: p.link },
      };
    },
    es: (p, h) => {
      const due = whatIsDue('es', p.deadlineKind, p.title);
      return {
        subject: `Escalamiento: ${p.stateName} (${p.stateCode}) lleva ${daysText('es', p.daysLate)} de retraso – ${due.label}`,
        greeting: p.recipientName ? `Estimado/a ${p.recipientName}:` : 'Estimado/a colega:',
        paragraphs: [
          `${p.stateName} (${p.stateCode}) aún no ha enviado ${due.what}.`,
          `El plazo venció el ${h.date(p.dueDate)} ${endOfDayNote('es', p.timeZone)}: el Estado lleva ${daysText('es', p.daysLate)} de retraso. Se enviaron recordatorios al punto focal y a la misión permanente.`,
        ],
        action: { label: 'Abrir el plazo', url: p.link },
      };
    },
    fr: (p, h) => {
      const due = whatIsDue('fr', p.deadlineKind, p.title);
      return {
        subject: `Escalade : ${p.stateName} (${p.stateCode}) a ${daysText('fr', p.daysLate)} de retard – ${due.label}`,
        greeting: p.recipientName ? `Bonjour ${p.recipientName},` : 'Chère / cher collègue,',
        paragraphs: [
          `${p.stateName} (${p.stateCode}) n’a pas encore envoyé ${due.what}.`,
          `L’échéance était le ${h.date(p.dueDate)} ${endOfDayNote('fr', p.timeZone)} : l’État a ${daysText('fr', p.daysLate)} de retard. Le point focal et la mission permanente ont reçu des rappels.`,
        ],
        action: { label: 'Ouvrir l’échéance', url: p.link },
      };
    },
    pt: (p, h) => {
      const due = whatIsDue('pt', p.deadlineKind, p.title);
      return {
        subject: `Escalonamento: ${p.stateName} (${p.stateCode}) com ${daysText('pt', p.daysLate)} de atraso – ${due.label}`,
        greeting: p.recipientName ? `Prezado(a) ${p.recipientName},` : 'Prezado(a) colega,',
        paragraphs: [
          `${p.stateName} (${p.stateCode}) ainda não enviou ${due.what}.`,
          `O prazo venceu em ${h.date(p.dueDate)} ${endOfDayNote('pt', p.timeZone)}: o Estado está com ${daysText('pt', p.daysLate)} de atraso. O ponto focal e a missão permanente foram lembrados.`,
        ],
        action: { label: 'Abrir o prazo', url: p.link },
      };
    },
  },
};
