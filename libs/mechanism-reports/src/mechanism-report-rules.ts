import { defineRules } from '@mesecvi/errors';

/** The rules a hemispheric report can break (its symbol, date and counts follow the country reports' rules). */
export const MECHANISM_REPORT_RULES = defineRules({
  hemispheric_report_adopted: {
    status: 409,
    messages: {
      en: 'This round’s hemispheric report is already adopted.',
      es: 'El informe hemisférico de esta ronda ya fue aprobado.',
      fr: 'Le rapport hémisphérique de ce cycle est déjà adopté.',
      pt: 'O relatório hemisférico desta rodada já foi aprovado.',
    },
  },
  round_not_at_hemispheric_report: {
    status: 409,
    messages: {
      en: 'The hemispheric report is adopted once the round reaches the hemispheric_report phase; it is in {roundPhase}.',
      es: 'El informe hemisférico se aprueba cuando la ronda llega a la fase hemispheric_report; ahora está en la fase {roundPhase}.',
      fr: 'Le rapport hémisphérique est adopté lorsque le cycle atteint la phase hemispheric_report ; il est à la phase {roundPhase}.',
      pt: 'O relatório hemisférico é aprovado quando a rodada chega à fase hemispheric_report; agora está na fase {roundPhase}.',
    },
  },
  hemispheric_report_not_adopted: {
    status: 409,
    messages: {
      en: 'Only an adopted hemispheric report is published; this round’s is not adopted yet.',
      es: 'Solo se publica un informe hemisférico aprobado; el de esta ronda aún no ha sido aprobado.',
      fr: 'Seul un rapport hémisphérique adopté est publié ; celui de ce cycle n’est pas encore adopté.',
      pt: 'Somente um relatório hemisférico aprovado é publicado; o desta rodada ainda não foi aprovado.',
    },
  },
  hemispheric_report_published: {
    status: 409,
    messages: {
      en: 'This hemispheric report is already published.',
      es: 'Este informe hemisférico ya fue publicado.',
      fr: 'Ce rapport hémisphérique est déjà publié.',
      pt: 'Este relatório hemisférico já foi publicado.',
    },
  },
});
