import type { Language } from '@mesecvi/http';
import type { Explanation } from '../schema/annotation-keywords';

/** What a message can say; the translator picks the words. */
export type MessageKey =
  | { kind: 'answer_required' }
  | { kind: 'field_required'; field: string }
  | { kind: 'unknown_field'; field: string }
  | { kind: 'expected'; type: 'integer' | 'number' | 'string' | 'boolean' | 'other' }
  | { kind: 'choose_option' }
  | { kind: 'format'; format: 'date' | 'uri' | 'uuid' | 'other' }
  | { kind: 'at_least'; limit: string }
  | { kind: 'at_most'; limit: string }
  | { kind: 'more_than'; limit: string }
  | { kind: 'less_than'; limit: string }
  | { kind: 'text_too_long'; limit: number }
  | { kind: 'text_too_short'; limit: number }
  | { kind: 'too_many_entries'; limit: number }
  | { kind: 'too_few_entries'; limit: number }
  | { kind: 'duplicate_entries'; first: number; second: number }
  | { kind: 'explain'; explanation: Explanation }
  | { kind: 'no_accepted_form' }
  | { kind: 'invalid' };

type Catalogue = { [K in MessageKey['kind']]: (m: Extract<MessageKey, { kind: K }>) => string };

const en: Catalogue = {
  answer_required: () => 'Answer this question.',
  field_required: (m) => `Fill in “${m.field}”.`,
  unknown_field: (m) => `“${m.field}” is not part of this questionnaire; remove it.`,
  expected: (m) =>
    ({
      integer: 'Enter a whole number.',
      number: 'Enter a number.',
      string: 'Enter text.',
      boolean: 'Answer yes or no.',
      other: 'This answer does not have the expected form.',
    })[m.type],
  choose_option: () => 'Choose one of the options offered.',
  format: (m) =>
    ({
      date: 'Enter a date as YYYY-MM-DD, for example 2024-03-08.',
      uri: 'Enter a full web address starting with https://.',
      uuid: 'Choose an attachment uploaded with this questionnaire.',
      other: 'This value does not have the expected form.',
    })[m.format],
  at_least: (m) => `Enter a value of at least ${m.limit}.`,
  at_most: (m) => `Enter a value of at most ${m.limit}.`,
  more_than: (m) => `Enter a value greater than ${m.limit}.`,
  less_than: (m) => `Enter a value less than ${m.limit}.`,
  text_too_long: (m) => `Shorten this text to at most ${m.limit} characters.`,
  text_too_short: (m) =>
    m.limit === 1
      ? 'This text is empty: write something or leave the field out.'
      : `Write at least ${m.limit} characters.`,
  too_many_entries: (m) => `Enter at most ${m.limit} entries.`,
  too_few_entries: (m) => (m.limit === 1 ? 'Enter at least one entry.' : `Enter at least ${m.limit} entries.`),
  duplicate_entries: (m) => `The same entry appears twice (entries ${m.first} and ${m.second}).`,
  explain: (m) => ({ citation_when_yes: 'Cite the law or instrument that supports a “yes” answer.' })[m.explanation],
  no_accepted_form: () => 'This answer does not match any of the accepted forms.',
  invalid: () => 'This answer is not valid.',
};

const es: Catalogue = {
  answer_required: () => 'Responda esta pregunta.',
  field_required: (m) => `Complete «${m.field}».`,
  unknown_field: (m) => `«${m.field}» no forma parte de este cuestionario; elimínelo.`,
  expected: (m) =>
    ({
      integer: 'Introduzca un número entero.',
      number: 'Introduzca un número.',
      string: 'Introduzca un texto.',
      boolean: 'Responda sí o no.',
      other: 'Esta respuesta no tiene la forma esperada.',
    })[m.type],
  choose_option: () => 'Elija una de las opciones ofrecidas.',
  format: (m) =>
    ({
      date: 'Introduzca una fecha con el formato AAAA-MM-DD, por ejemplo 2024-03-08.',
      uri: 'Introduzca una dirección web completa que empiece por https://.',
      uuid: 'Elija un documento adjuntado a este cuestionario.',
      other: 'Este valor no tiene la forma esperada.',
    })[m.format],
  at_least: (m) => `Introduzca un valor igual o superior a ${m.limit}.`,
  at_most: (m) => `Introduzca un valor igual o inferior a ${m.limit}.`,
  more_than: (m) => `Introduzca un valor superior a ${m.limit}.`,
  less_than: (m) => `Introduzca un valor inferior a ${m.limit}.`,
  text_too_long: (m) => `Acorte este texto a ${m.limit} caracteres como máximo.`,
  text_too_short: (m) =>
    m.limit === 1 ? 'Este texto está vacío: escriba algo u omita el campo.' : `Escriba al menos ${m.limit} caracteres.`,
  too_many_entries: (m) => `Introduzca como máximo ${m.limit} elementos.`,
  too_few_entries: (m) =>
    m.limit === 1 ? 'Introduzca al menos un elemento.' : `Introduzca al menos ${m.limit} elementos.`,
  duplicate_entries: (m) => `La misma entrada aparece dos veces (elementos ${m.first} y ${m.second}).`,
  explain: (m) =>
    ({ citation_when_yes: 'Cite la ley o el instrumento que respalda una respuesta «sí».' })[m.explanation],
  no_accepted_form: () => 'Esta respuesta no corresponde a ninguna de las formas aceptadas.',
  invalid: () => 'Esta respuesta no es válida.',
};

const fr: Catalogue = {
  answer_required: () => 'Répondez à cette question.',
  field_required: (m) => `Remplissez « ${m.field} ».`,
  unknown_field: (m) => `« ${m.field} » ne fait pas partie de ce questionnaire ; supprimez-le.`,
  expected: (m) =>
    ({
      integer: 'Saisissez un nombre entier.',
      number: 'Saisissez un nombre.',
      string: 'Saisissez un texte.',
      boolean: 'Répondez par oui ou par non.',
      other: "Cette réponse n'a pas la forme attendue.",
    })[m.type],
  choose_option: () => "Choisissez l'une des options proposées.",
  format: (m) =>
    ({
      date: 'Saisissez une date au format AAAA-MM-JJ, par exemple 2024-03-08.',
      uri: 'Saisissez une adresse web complète commençant par https://.',
      uuid: 'Choisissez une pièce jointe téléversée avec ce questionnaire.',
      other: "Cette valeur n'a pas la forme attendue.",
    })[m.format],
  at_least: (m) => `Saisissez une valeur supérieure ou égale à ${m.limit}.`,
  at_most: (m) => `Saisissez une valeur inférieure ou égale à ${m.limit}.`,
  more_than: (m) => `Saisissez une valeur supérieure à ${m.limit}.`,
  less_than: (m) => `Saisissez une valeur inférieure à ${m.limit}.`,
  text_too_long: (m) => `Raccourcissez ce texte à ${m.limit} caractères au plus.`,
  text_too_short: (m) =>
    m.limit === 1
      ? 'Ce texte est vide : écrivez quelque chose ou omettez le champ.'
      : `Écrivez au moins ${m.limit} caractères.`,
  too_many_entries: (m) => `Saisissez au plus ${m.limit} éléments.`,
  too_few_entries: (m) =>
    m.limit === 1 ? 'Saisissez au moins un élément.' : `Saisissez au moins ${m.limit} éléments.`,
  duplicate_entries: (m) => `La même entrée apparaît deux fois (éléments ${m.first} et ${m.second}).`,
  explain: (m) => ({ citation_when_yes: "Citez la loi ou l'instrument qui fonde une réponse « oui »." })[m.explanation],
  no_accepted_form: () => 'Cette réponse ne correspond à aucune des formes acceptées.',
  invalid: () => "Cette réponse n'est pas valide.",
};

const pt: Catalogue = {
  answer_required: () => 'Responda a esta pergunta.',
  field_required: (m) => `Preencha “${m.field}”.`,
  unknown_field: (m) => `“${m.field}” não faz parte deste questionário; remova-o.`,
  expected: (m) =>
    ({
      integer: 'Informe um número inteiro.',
      number: 'Informe um número.',
      string: 'Informe um texto.',
      boolean: 'Responda sim ou não.',
      other: 'Esta resposta não tem a forma esperada.',
    })[m.type],
  choose_option: () => 'Escolha uma das opções oferecidas.',
  format: (m) =>
    ({
      date: 'Informe uma data no formato AAAA-MM-DD, por exemplo 2024-03-08.',
      uri: 'Informe um endereço web completo começando por https://.',
      uuid: 'Escolha um anexo enviado com este questionário.',
      other: 'Este valor não tem a forma esperada.',
    })[m.format],
  at_least: (m) => `Informe um valor maior ou igual a ${m.limit}.`,
  at_most: (m) => `Informe um valor menor ou igual a ${m.limit}.`,
  more_than: (m) => `Informe um valor maior que ${m.limit}.`,
  less_than: (m) => `Informe um valor menor que ${m.limit}.`,
  text_too_long: (m) => `Reduza este texto para no máximo ${m.limit} caracteres.`,
  text_too_short: (m) =>
    m.limit === 1
      ? 'Este texto está vazio: escreva algo ou omita o campo.'
      : `Escreva pelo menos ${m.limit} caracteres.`,
  too_many_entries: (m) => `Informe no máximo ${m.limit} itens.`,
  too_few_entries: (m) => (m.limit === 1 ? 'Informe pelo menos um item.' : `Informe pelo menos ${m.limit} itens.`),
  duplicate_entries: (m) => `A mesma entrada aparece duas vezes (itens ${m.first} e ${m.second}).`,
  explain: (m) =>
    ({ citation_when_yes: 'Cite a lei ou o instrumento que fundamenta uma resposta “sim”.' })[m.explanation],
  no_accepted_form: () => 'Esta resposta não corresponde a nenhuma das formas aceitas.',
  invalid: () => 'Esta resposta não é válida.',
};

const CATALOGUES: Record<Language, Catalogue> = { en, es, fr, pt };
const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-ES', fr: 'fr-FR', pt: 'pt-BR' };

/** The sentence for `key` in `language` (every catalogue is complete; the type checks it). */
export function messageFor(key: MessageKey, language: Language): string {
  const render = CATALOGUES[language][key.kind] as (m: MessageKey) => string;
  return render(key);
}

/** A limit as the reader writes numbers (1,000,000 / 1.000.000 / 1 000 000); years stay 1994. */
export function formatLimit(limit: number, language: Language): string {
  return Math.abs(limit) >= 10_000 ? limit.toLocaleString(LOCALES[language]) : String(limit);
}
