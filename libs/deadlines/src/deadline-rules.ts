import { defineRules } from '@mesecvi/errors';

/** The rules a deadline change can break. */
export const DEADLINE_RULES = defineRules({
  due_date_in_past: {
    status: 422,
    messages: {
      en: '{dueDate} is before today ({today}). To enter a past date on purpose, send confirmPastDue: true.',
      es: 'La fecha {dueDate} es anterior a hoy ({today}). Para registrar una fecha pasada a propósito, envíe confirmPastDue: true.',
      fr: 'La date {dueDate} est antérieure à aujourd’hui ({today}). Pour saisir volontairement une date passée, envoyez confirmPastDue: true.',
      pt: 'A data {dueDate} é anterior a hoje ({today}). Para registrar de propósito uma data passada, envie confirmPastDue: true.',
    },
  },
});
