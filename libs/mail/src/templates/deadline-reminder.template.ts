import { daysText, endOfDayNote, whatIsDue } from './deadline-copy';
import { designateFocalPoint, designateFocalPointUrlSchema } from './focal-point-copy';
import type { MailTemplate } from './mail-template';
import type { DeadlineReminderProps } from './template-props';

export const deadlinePropsSchema = {
  recipientName: { type: 'string', nullable: true, minLength: 1, maxLength: 300 },
  stateName: { type: 'string', minLength: 1, maxLength: 200 },
  deadlineKind: { type: 'string', pattern: '^[a-z_]{1,40}$' },
  title: { type: 'string', nullable: true, minLength: 1, maxLength: 300 },
  dueDate: { type: 'string', format: 'date' },
  timeZone: { type: 'string', minLength: 1, maxLength: 64 },
  link: { type: 'string', pattern: '^https?://\\S+$', maxLength: 2000 },
} as const;

/**
 * A reminder to a state (focal point, contributors, permanent mission…) before or after a
 * deadline: the position in the ladder shows as days left, "today", or days late.
 */
export const deadlineReminderTemplate: MailTemplate<DeadlineReminderProps> = {
  propsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['recipientName', 'stateName', 'deadlineKind', 'title', 'dueDate', 'timeZone', 'daysLeft', 'link'],
    properties: {
      ...deadlinePropsSchema,
      daysLeft: { type: 'integer', minimum: -3650, maximum: 3650 },
      designateFocalPointUrl: designateFocalPointUrlSchema,
    },
  },
  sensitiveProps: [],
  copies: {
    en: (p, h) => {
      const due = whatIsDue('en', p.deadlineKind, p.title);
      const when = `${h.date(p.dueDate)} ${endOfDayNote('en', p.timeZone)}`;
      const state =
        p.daysLeft > 0
          ? `ends in ${daysText('en', p.daysLeft)}`
          : p.daysLeft === 0
            ? 'ends today'
            : `passed ${daysText('en', p.daysLeft)} ago`;
      return {
        subject: `${p.daysLeft < 0 ? 'Overdue' : 'Reminder'}: ${due.label} – ${p.stateName} – ${p.daysLeft < 0 ? `${daysText('en', p.daysLeft)} late` : p.daysLeft === 0 ? 'due today' : `due in ${daysText('en', p.daysLeft)}`}`,
        greeting: p.recipientName ? `Dear ${p.recipientName},` : 'Dear Sir or Madam,',
        paragraphs: [
          `This is a reminder that the deadline for ${due.what} from ${p.stateName} ${state}.`,
          `The deadline is ${when}.`,
          p.daysLeft < 0
            ? 'If it has already been sent, please disregard this message; otherwise, please send it as soon as possible or contact the Technical Secretariat.'
            : 'If it has already been sent, please disregard this message.',
        ],
        action: { label: 'Open in the platform', url: p.link },
        after: designateFocalPoint('en', p.designateFocalPointUrl),
      };
    },
    es: (p, h) => {
      const due = whatIsDue('es', p.deadlineKind, p.title);
      const when = `el ${h.date(p.dueDate)} ${endOfDayNote('es', p.timeZone)}`;
      const state =
        p.daysLeft > 0
          ? `vence en ${daysText('es', p.daysLeft)}`
          : p.daysLeft === 0
            ? 'vence hoy'
            : `está vencido desde hace ${daysText('es', p.daysLeft)}`;
      return {
        subject: `${p.daysLeft < 0 ? 'Plazo vencido' : 'Recordatorio'}: ${due.label} – ${p.stateName} – ${p.daysLeft < 0 ? `${daysText('es', p.daysLeft)} de retraso` : p.daysLeft === 0 ? 'vence hoy' : `vence en ${daysText('es', p.daysLeft)}`}`,
        greeting: p.recipientName ? `Estimado/a ${p.recipientName}:` : 'De nuestra mayor consideración:',
        paragraphs: [
          `Le recordamos que el plazo para enviar ${due.what} de ${p.stateName} ${state}.`,
          `La fecha límite es ${when}.`,
          p.daysLeft < 0
            ? 'Si ya fue enviado, le rogamos no tener en cuenta este mensaje; de lo contrario, le agradeceremos enviarlo a la brevedad o ponerse en contacto con la Secretaría Técnica.'
            : 'Si ya fue enviado, le rogamos no tener en cuenta este mensaje.',
        ],
        action: { label: 'Abrir en la plataforma', url: p.link },
        after: designateFocalPoint('es', p.designateFocalPointUrl),
      };
    },
    fr: (p, h) => {
      const due = whatIsDue('fr', p.deadlineKind, p.title);
      const when = `le ${h.date(p.dueDate)} ${endOfDayNote('fr', p.timeZone)}`;
      const state =
        p.daysLeft > 0
          ? `expire dans ${daysText('fr', p.daysLeft)}`
          : p.daysLeft === 0
            ? 'expire aujourd’hui'
            : `est dépassé de ${daysText('fr', p.daysLeft)}`;
      return {
        subject: `${p.daysLeft < 0 ? 'Échéance dépassée' : 'Rappel'} : ${due.label} – ${p.stateName} – ${p.daysLeft < 0 ? `${daysText('fr', p.daysLeft)} de retard` : p.daysLeft === 0 ? 'expire aujourd’hui' : `dans ${daysText('fr', p.daysLeft)}`}`,
        greeting: p.recipientName ? `Bonjour ${p.recipientName},` : 'Madame, Monsieur,',
        paragraphs: [
          `Nous vous rappelons que le délai pour envoyer ${due.what} pour ${p.stateName} ${state}.`,
          `La date limite est ${when}.`,
          p.daysLeft < 0
            ? 'Si l’envoi a déjà été fait, veuillez ne pas tenir compte de ce message ; sinon, merci de l’effectuer au plus vite ou de contacter le Secrétariat technique.'
            : 'Si l’envoi a déjà été fait, veuillez ne pas tenir compte de ce message.',
        ],
        action: { label: 'Ouvrir dans la plateforme', url: p.link },
        after: designateFocalPoint('fr', p.designateFocalPointUrl),
      };
    },
    pt: (p, h) => {
      const due = whatIsDue('pt', p.deadlineKind, p.title);
      const when = `${h.date(p.dueDate)} ${endOfDayNote('pt', p.timeZone)}`;
      const state =
        p.daysLeft > 0
          ? `vence em ${daysText('pt', p.daysLeft)}`
          : p.daysLeft === 0
            ? 'vence hoje'
            : `está vencido há ${daysText('pt', p.daysLeft)}`;
      return {
        subject: `${p.daysLeft < 0 ? 'Prazo vencido' : 'Lembrete'}: ${due.label} – ${p.stateName} – ${p.daysLeft < 0 ? `${daysText('pt', p.daysLeft)} de atraso` : p.daysLeft === 0 ? 'vence hoje' : `vence em ${daysText('pt', p.daysLeft)}`}`,
        greeting: p.recipientName ? `Prezado(a) ${p.recipientName},` : 'Prezados(as) Senhores(as),',
        paragraphs: [
          `Lembramos que o prazo para enviar ${due.what} de ${p.stateName} ${state}.`,
          `A data-limite é ${when}.`,
          p.daysLeft < 0
            ? 'Se o envio já foi feito, por favor desconsidere esta mensagem; caso contrário, pedimos que o faça o quanto antes ou entre em contato com a Secretaria Técnica.'
            : 'Se o envio já foi feito, por favor desconsidere esta mensagem.',
        ],
        action: { label: 'Abrir na plataforma', url: p.link },
        after: designateFocalPoint('pt', p.designateFocalPointUrl),
      };
    },
  },
};
