import { defineRules } from '@mesecvi/errors';

/** The rules ratings of recommendations and the follow-up round built from them can break. */
export const RECOMMENDATION_RULES = defineRules({
  rating_not_open: {
    status: 409,
    messages: {
      en: 'Ratings are proposed during the review; the evaluation is {evaluationStatus}.',
      es: 'Las calificaciones se proponen durante la revisión; el estado de la evaluación es {evaluationStatus}.',
      fr: 'Les évaluations sont proposées pendant l’examen ; l’évaluation est à l’état {evaluationStatus}.',
      pt: 'As classificações são propostas durante a revisão; o estado da avaliação é {evaluationStatus}.',
    },
  },
  rating_not_open_for_committee: {
    rule: 'rating_not_open',
    status: 409,
    messages: {
      en: "The committee's rating is recorded after the review started and before the follow-up report is adopted; the evaluation is {evaluationStatus}.",
      es: 'La calificación del Comité se registra después de iniciada la revisión y antes de aprobar el informe de seguimiento; el estado de la evaluación es {evaluationStatus}.',
      fr: 'L’évaluation du Comité est enregistrée après le début de l’examen et avant l’adoption du rapport de suivi ; l’évaluation est à l’état {evaluationStatus}.',
      pt: 'A classificação do Comitê é registrada depois de iniciada a revisão e antes da aprovação do relatório de acompanhamento; o estado da avaliação é {evaluationStatus}.',
    },
  },
  rating_needs_proposal: {
    status: 409,
    messages: {
      en: 'The rapporteurs propose a rating first.',
      es: 'Primero, las personas relatoras deben proponer una calificación.',
      fr: 'Les rapporteurs doivent d’abord proposer une évaluation.',
      pt: 'Primeiro, os relatores devem propor uma classificação.',
    },
  },
  follow_up_recommendation: {
    status: 422,
    messages: {
      en: '{recommendationId} is not a recommendation this follow-up evaluation of {stateCode} asked about.',
      es: '{recommendationId} no es una de las recomendaciones sobre las que se consultó en esta evaluación de seguimiento de {stateCode}.',
      fr: '{recommendationId} ne fait pas partie des recommandations sur lesquelles porte cette évaluation de suivi de {stateCode}.',
      pt: '{recommendationId} não é uma das recomendações sobre as quais esta avaliação de acompanhamento de {stateCode} perguntou.',
    },
  },
  rating_scale: {
    status: 422,
    messages: {
      en: '{value} is not a value of the rating scale ({scale}).',
      es: '{value} no es un valor de la escala de calificación ({scale}).',
      fr: '{value} n’est pas une valeur de l’échelle d’évaluation ({scale}).',
      pt: '{value} não é um valor da escala de classificação ({scale}).',
    },
  },
  justification_required: {
    status: 422,
    messages: {
      en: 'A rating needs a justification.',
      es: 'Toda calificación debe estar justificada.',
      fr: 'Toute évaluation doit être justifiée.',
      pt: 'Toda classificação precisa de uma justificativa.',
    },
  },
  not_follow_up_evaluation: {
    status: 409,
    messages: {
      en: 'Recommendations are rated in a follow-up round’s evaluations.',
      es: 'Las recomendaciones se califican en las evaluaciones de una ronda de seguimiento.',
      fr: 'Les recommandations sont évaluées dans les évaluations d’un cycle de suivi.',
      pt: 'As recomendações são classificadas nas avaliações de uma rodada de acompanhamento.',
    },
  },
  not_follow_up_round: {
    status: 409,
    messages: {
      en: 'Questionnaires are generated for a follow-up round only.',
      es: 'Los cuestionarios solo se generan para una ronda de seguimiento.',
      fr: 'Les questionnaires ne sont générés que pour un cycle de suivi.',
      pt: 'Os questionários só são gerados para uma rodada de acompanhamento.',
    },
  },
  distribution_phase: {
    status: 409,
    messages: {
      en: 'A round is distributed once it is open for responses.',
      es: 'Una ronda se distribuye una vez abierta a respuestas.',
      fr: 'Un cycle est diffusé une fois ouvert aux réponses.',
      pt: 'Uma rodada é distribuída depois de aberta para respostas.',
    },
  },
  follow_up_already_generated: {
    status: 409,
    messages: {
      en: 'The follow-up questionnaires of this round were already generated and distributed.',
      es: 'Los cuestionarios de seguimiento de esta ronda ya fueron generados y distribuidos.',
      fr: 'Les questionnaires de suivi de ce cycle ont déjà été générés et diffusés.',
      pt: 'Os questionários de acompanhamento desta rodada já foram gerados e distribuídos.',
    },
  },
  no_open_recommendations: {
    status: 409,
    messages: {
      en: 'No state has an open recommendation of the evaluation round: there is nothing to follow up.',
      es: 'Ningún Estado tiene una recomendación abierta de la ronda de evaluación: no hay nada que dar seguimiento.',
      fr: 'Aucun État n’a de recommandation ouverte issue du cycle d’évaluation : il n’y a rien à suivre.',
      pt: 'Nenhum Estado tem uma recomendação aberta da rodada de avaliação: não há nada a acompanhar.',
    },
  },
  too_many_recommendations: {
    status: 409,
    messages: {
      en: '{stateCode} has {count} open recommendations; a questionnaire holds at most {maximum} items.',
      es: '{stateCode} tiene {count} recomendaciones abiertas; un cuestionario admite como máximo {maximum} preguntas.',
      fr: '{stateCode} a {count} recommandations ouvertes ; un questionnaire compte au plus {maximum} questions.',
      pt: '{stateCode} tem {count} recomendações abertas; um questionário admite no máximo {maximum} itens.',
    },
  },
});
