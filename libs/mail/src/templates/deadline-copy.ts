import type { Language } from '@mesecvi/http';

/**
 * How each language names what a deadline asks for. Keyed by deadline kind (libs/deadlines owns
 * the list; a spec there checks every kind has copy here). An unknown kind falls back to the
 * generic phrase, so a new kind never makes a reminder unrenderable.
 */
interface KindCopy {
  /** In a sentence: "… must send {what} …". */
  what: string;
  /** In a subject line. */
  label: string;
}

export const DEADLINE_KIND_COPY: Readonly<Record<Language, Readonly<Record<string, KindCopy>>>> = {
  en: {
    appointment_end: { what: 'the end of an appointment’s term', label: 'End of term' },
    appointment_reply: {
      what: 'the reply to the request to appoint or confirm the expert and the focal point',
      label: 'Appointment reply',
    },
    response: { what: 'the answers to the questionnaire', label: 'Questionnaire answers' },
    clarification: { what: 'the clarification requested by the Committee of Experts', label: 'Clarification' },
    observations: {
      what: 'the observations on the preliminary country report',
      label: 'Observations on the preliminary report',
    },
    follow_up: { what: 'the answers to the follow-up questionnaire', label: 'Follow-up answers' },
    review: { what: 'your review as rapporteur of the answers', label: 'Your review as rapporteur' },
  },
  es: {
    appointment_end: { what: 'el fin del período de una designación', label: 'Fin del período' },
    appointment_reply: {
      what: 'la respuesta a la solicitud de designación o confirmación de la experta y del punto focal',
      label: 'Respuesta sobre designaciones',
    },
    response: { what: 'las respuestas al cuestionario', label: 'Respuestas al cuestionario' },
    clarification: { what: 'la aclaración solicitada por el Comité de Expertas', label: 'Aclaración' },
    observations: {
      what: 'las observaciones al informe preliminar de país',
      label: 'Observaciones al informe preliminar',
    },
    follow_up: { what: 'las respuestas al cuestionario de seguimiento', label: 'Respuestas de seguimiento' },
    review: { what: 'su revisión como relatora de las respuestas', label: 'Su revisión como relatora' },
  },
  fr: {
    appointment_end: { what: 'la fin du mandat d’une désignation', label: 'Fin du mandat' },
    appointment_reply: {
      what: 'la réponse à la demande de désignation ou de confirmation de l’experte et du point focal',
      label: 'Réponse sur les désignations',
    },
    response: { what: 'les réponses au questionnaire', label: 'Réponses au questionnaire' },
    clarification: { what: 'les éclaircissements demandés par le Comité d’expertes', label: 'Éclaircissements' },
    observations: {
      what: 'les observations sur le rapport national préliminaire',
      label: 'Observations sur le rapport préliminaire',
    },
    follow_up: { what: 'les réponses au questionnaire de suivi', label: 'Réponses de suivi' },
    review: { what: 'votre examen de rapporteuse sur les réponses', label: 'Votre examen de rapporteuse' },
  },
  pt: {
    appointment_end: { what: 'o fim do período de uma designação', label: 'Fim do período' },
    appointment_reply: {
      what: 'a resposta à solicitação de designação ou confirmação da perita e do ponto focal',
      label: 'Resposta sobre designações',
    },
    response: { what: 'as respostas ao questionário', label: 'Respostas ao questionário' },
    clarification: { what: 'o esclarecimento solicitado pelo Comitê de Peritas', label: 'Esclarecimento' },
    observations: {
      what: 'as observações sobre o relatório preliminar de país',
      label: 'Observações sobre o relatório preliminar',
    },
    follow_up: { what: 'as respostas ao questionário de acompanhamento', label: 'Respostas de acompanhamento' },
    review: { what: 'a sua revisão como relatora das respostas', label: 'Sua revisão como relatora' },
  },
};

const GENERIC: Readonly<Record<Language, KindCopy>> = {
  en: { what: 'the requested information', label: 'Deadline' },
  es: { what: 'la información solicitada', label: 'Plazo' },
  fr: { what: 'les informations demandées', label: 'Échéance' },
  pt: { what: 'as informações solicitadas', label: 'Prazo' },
};

/** What is due: an ad-hoc deadline's own title, else the kind's phrase in the language. */
export function whatIsDue(language: Language, kind: string, title: string | null): KindCopy {
  if (title) return { what: `“${title}”`, label: title };
  return DEADLINE_KIND_COPY[language][kind] ?? GENERIC[language];
}

export function daysText(language: Language, days: number): string {
  const n = Math.abs(days);
  const unit = { en: ['day', 'days'], es: ['día', 'días'], fr: ['jour', 'jours'], pt: ['dia', 'dias'] }[language];
  return `${n} ${n === 1 ? unit[0] : unit[1]}`;
}

/**
 * Cities of the mechanism's likely time zones as each language writes them; any other zone shows
 * its IANA city with spaces ("Port_au_Prince" → "Port au Prince").
 */
const CITY_NAMES: Readonly<Record<string, Partial<Record<Language, string>>>> = {
  'America/New_York': { es: 'Nueva York', pt: 'Nova York' },
  'America/Mexico_City': { en: 'Mexico City', es: 'Ciudad de México', fr: 'Mexico', pt: 'Cidade do México' },
  'America/Sao_Paulo': { en: 'São Paulo', es: 'São Paulo', fr: 'São Paulo', pt: 'São Paulo' },
  'America/Bogota': { en: 'Bogotá', es: 'Bogotá', fr: 'Bogota', pt: 'Bogotá' },
  'America/Port-au-Prince': { en: 'Port-au-Prince', es: 'Puerto Príncipe', fr: 'Port-au-Prince', pt: 'Porto Príncipe' },
  'America/Panama': { es: 'Panamá', pt: 'Panamá' },
};

/** A time zone as a reader says it: its city in the language ("New York", "Nueva York"). */
export function timeZoneCity(language: Language, timeZone: string): string {
  const known = CITY_NAMES[timeZone]?.[language];
  if (known) return known;
  const city = timeZone.split('/').pop() ?? timeZone;
  return city.replace(/_/g, ' ');
}

/** "(end of the day, New York time)": the deadline's day ends in the mechanism's time zone. */
export function endOfDayNote(language: Language, timeZone: string): string {
  const city = timeZoneCity(language, timeZone);
  return {
    en: `(end of the day, ${city} time)`,
    es: `(al final del día, hora de ${city})`,
    fr: `(à la fin de la journée, heure de ${city})`,
    pt: `(até o fim do dia, horário de ${city})`,
  }[language];
}
