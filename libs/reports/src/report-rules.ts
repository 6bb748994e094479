import { defineRules } from '@mesecvi/errors';

/** The rules a country report, its decisions and corrigenda can break. */
export const REPORT_RULES = defineRules({
  report_incomplete: {
    status: 409,
    messages: {
      en: 'A preliminary report has an analysis and at least one recommendation.',
      es: 'Un informe preliminar debe tener un análisis y al menos una recomendación.',
      fr: 'Un rapport préliminaire comporte une analyse et au moins une recommandation.',
      pt: 'Um relatório preliminar deve ter uma análise e pelo menos uma recomendação.',
    },
  },
  report_incomplete_follow_up: {
    rule: 'report_incomplete',
    status: 409,
    messages: {
      en: 'A preliminary follow-up report has an analysis and the committee’s rating of every recommendation.',
      es: 'Un informe preliminar de seguimiento debe tener un análisis y la calificación del Comité para cada recomendación.',
      fr: 'Un rapport préliminaire de suivi comporte une analyse et l’évaluation du Comité pour chaque recommandation.',
      pt: 'Um relatório preliminar de acompanhamento deve ter uma análise e a classificação do Comitê para cada recomendação.',
    },
  },
  known_attachment: {
    status: 422,
    messages: {
      en: '{attachmentId} is not an evidence file of this evaluation.',
      es: '{attachmentId} no es un archivo probatorio de esta evaluación.',
      fr: '{attachmentId} n’est pas un justificatif de cette évaluation.',
      pt: '{attachmentId} não é um arquivo comprobatório desta avaliação.',
    },
  },
  on_behalf_required: {
    status: 422,
    messages: {
      en: 'The secretariat enters observations on the state’s behalf: say how they arrived.',
      es: 'La Secretaría registra las observaciones en nombre del Estado: indique cómo llegaron.',
      fr: 'Le Secrétariat saisit les observations au nom de l’État : indiquez comment elles sont parvenues.',
      pt: 'A Secretaria registra as observações em nome do Estado: indique como elas chegaram.',
    },
  },
  on_behalf_secretariat: {
    status: 422,
    messages: {
      en: 'Only the secretariat enters observations on a state’s behalf.',
      es: 'Solo la Secretaría puede registrar observaciones en nombre de un Estado.',
      fr: 'Seul le Secrétariat peut saisir des observations au nom d’un État.',
      pt: 'Somente a Secretaria pode registrar observações em nome de um Estado.',
    },
  },
  observations_deadline_passed: {
    status: 409,
    messages: {
      en: 'The deadline for observations has passed.',
      es: 'El plazo para presentar observaciones ha vencido.',
      fr: 'Le délai de présentation des observations est écoulé.',
      pt: 'O prazo para apresentar observações já terminou.',
    },
  },
  observations_not_open: {
    status: 409,
    messages: {
      en: 'Observations answer a preliminary report; the evaluation is {evaluationStatus}.',
      es: 'Las observaciones responden a un informe preliminar; el estado de la evaluación es {evaluationStatus}.',
      fr: 'Les observations répondent à un rapport préliminaire ; l’évaluation est à l’état {evaluationStatus}.',
      pt: 'As observações respondem a um relatório preliminar; o estado da avaliação é {evaluationStatus}.',
    },
  },
  observations_required: {
    status: 422,
    messages: {
      en: 'Give general observations or observations on recommendations.',
      es: 'Presente observaciones generales u observaciones sobre las recomendaciones.',
      fr: 'Formulez des observations générales ou des observations sur les recommandations.',
      pt: 'Apresente observações gerais ou observações sobre as recomendações.',
    },
  },
  known_recommendation: {
    status: 422,
    messages: {
      en: '{recommendationId} is not a recommendation of this report.',
      es: '{recommendationId} no es una recomendación de este informe.',
      fr: '{recommendationId} n’est pas une recommandation de ce rapport.',
      pt: '{recommendationId} não é uma recomendação deste relatório.',
    },
  },
  known_recommendation_ids: {
    rule: 'known_recommendation',
    status: 422,
    messages: {
      en: 'Unknown or no longer draft recommendation ids: {ids}.',
      es: 'Identificadores de recomendación desconocidos o que ya no están en borrador: {ids}.',
      fr: 'Identifiants de recommandation inconnus ou qui ne sont plus à l’état de projet : {ids}.',
      pt: 'Identificadores de recomendação desconhecidos ou que já não estão em rascunho: {ids}.',
    },
  },
  format: {
    status: 422,
    messages: {
      en: 'A date YYYY-MM-DD.',
      es: 'Indique una fecha con el formato AAAA-MM-DD.',
      fr: 'Indiquez une date au format AAAA-MM-JJ.',
      pt: 'Informe uma data no formato AAAA-MM-DD.',
    },
  },
  decision_counts: {
    status: 422,
    messages: {
      en: 'A vote records votesFor, votesAgainst and abstentions; consensus records none.',
      es: 'Una votación registra votesFor, votesAgainst y abstentions; un consenso no registra ninguno.',
      fr: 'Un vote enregistre votesFor, votesAgainst et abstentions ; un consensus n’en enregistre aucun.',
      pt: 'Uma votação registra votesFor, votesAgainst e abstentions; um consenso não registra nenhum.',
    },
  },
  report_not_preliminary: {
    status: 409,
    messages: {
      en: 'Only a preliminary report sent to the state is adopted; this one is {reportStatus}.',
      es: 'Solo se aprueba un informe preliminar enviado al Estado; el estado de este es {reportStatus}.',
      fr: 'Seul un rapport préliminaire transmis à l’État peut être adopté ; celui-ci est à l’état {reportStatus}.',
      pt: 'Somente um relatório preliminar enviado ao Estado é aprovado; o estado deste é {reportStatus}.',
    },
  },
  adoption_needs_observations_or_override: {
    status: 409,
    messages: {
      en: 'The state has not sent observations and their deadline has not passed: adopting now needs overrideReason.',
      es: 'El Estado no ha enviado observaciones y su plazo no ha vencido: para aprobar ahora, indique overrideReason.',
      fr: 'L’État n’a pas envoyé d’observations et le délai n’est pas écoulé : pour adopter maintenant, indiquez overrideReason.',
      pt: 'O Estado não enviou observações e o prazo não terminou: para aprovar agora, informe overrideReason.',
    },
  },
  report_not_adopted: {
    status: 409,
    messages: {
      en: 'Only an adopted report is published; this one is {reportStatus}.',
      es: 'Solo se publica un informe aprobado; el estado de este es {reportStatus}.',
      fr: 'Seul un rapport adopté est publié ; celui-ci est à l’état {reportStatus}.',
      pt: 'Somente um relatório aprovado é publicado; o estado deste é {reportStatus}.',
    },
  },
  corrigendum_needs_adoption: {
    status: 409,
    messages: {
      en: 'A corrigendum corrects an adopted report; this one is {reportStatus} (edit the draft instead).',
      es: 'Una corrección de errores corrige un informe aprobado; el estado de este es {reportStatus} (modifique el borrador).',
      fr: 'Un rectificatif corrige un rapport adopté ; celui-ci est à l’état {reportStatus} (modifiez plutôt le projet).',
      pt: 'Uma errata corrige um relatório aprovado; o estado deste é {reportStatus} (edite o rascunho).',
    },
  },
  corrigendum_changes: {
    status: 422,
    messages: {
      en: 'The corrigendum changes nothing.',
      es: 'La corrección de errores no modifica nada.',
      fr: 'Le rectificatif ne modifie rien.',
      pt: 'A errata não altera nada.',
    },
  },
  report_needs_review: {
    status: 409,
    messages: {
      en: 'A country report is drafted once the review started; the evaluation is {evaluationStatus}.',
      es: 'El informe de país se redacta una vez iniciada la revisión; el estado de la evaluación es {evaluationStatus}.',
      fr: 'Le rapport de pays est rédigé une fois l’examen commencé ; l’évaluation est à l’état {evaluationStatus}.',
      pt: 'O relatório do país é redigido depois de iniciada a revisão; o estado da avaliação é {evaluationStatus}.',
    },
  },
  report_adopted: {
    status: 409,
    messages: {
      en: 'An adopted report changes only through a corrigendum.',
      es: 'Un informe aprobado solo se modifica mediante una corrección de errores.',
      fr: 'Un rapport adopté ne se modifie que par un rectificatif.',
      pt: 'Um relatório aprovado só é alterado por meio de uma errata.',
    },
  },
  follow_up_no_new_recommendations: {
    status: 422,
    messages: {
      en: 'A national follow-up report issues no new recommendations: it rates those the state was asked about.',
      es: 'Un informe nacional de seguimiento no emite recomendaciones nuevas: califica aquellas sobre las que se consultó al Estado.',
      fr: 'Un rapport national de suivi n’émet pas de nouvelles recommandations : il évalue celles sur lesquelles l’État a été interrogé.',
      pt: 'Um relatório nacional de acompanhamento não emite novas recomendações: classifica aquelas sobre as quais o Estado foi consultado.',
    },
  },
  known_theme: {
    status: 422,
    messages: {
      en: '{theme} is not a theme of the questionnaire ({themes}).',
      es: '{theme} no es un tema del cuestionario ({themes}).',
      fr: '{theme} n’est pas un thème du questionnaire ({themes}).',
      pt: '{theme} não é um tema do questionário ({themes}).',
    },
  },
  known_theme_short: {
    rule: 'known_theme',
    status: 422,
    messages: {
      en: '{theme} is not a theme.',
      es: '{theme} no es un tema.',
      fr: '{theme} n’est pas un thème.',
      pt: '{theme} não é um tema.',
    },
  },
  known_article: {
    status: 422,
    messages: {
      en: '{article} is not an article of the Convention ({articles}).',
      es: '{article} no es un artículo de la Convención ({articles}).',
      fr: '{article} n’est pas un article de la Convention ({articles}).',
      pt: '{article} não é um artigo da Convenção ({articles}).',
    },
  },
  report_exists: {
    status: 409,
    messages: {
      en: 'This evaluation already has a country report.',
      es: 'Esta evaluación ya tiene un informe de país.',
      fr: 'Cette évaluation a déjà un rapport de pays.',
      pt: 'Esta avaliação já tem um relatório do país.',
    },
  },
  symbol_taken: {
    status: 409,
    messages: {
      en: 'Another report already has this document symbol.',
      es: 'Otro informe ya tiene esta signatura de documento.',
      fr: 'Un autre rapport porte déjà cette cote de document.',
      pt: 'Outro relatório já tem esta cota de documento.',
    },
  },
});
