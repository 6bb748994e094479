import { defineRules } from '@mesecvi/errors';

/** The rules answering, submitting and clarifying a questionnaire can break. */
export const SUBMISSION_RULES = defineRules({
  carry_over_source: {
    status: 409,
    messages: {
      en: 'This state has no submitted answers from an earlier round to carry over.',
      es: 'Este Estado no tiene respuestas presentadas en una ronda anterior que puedan trasladarse.',
      fr: 'Cet État n’a pas de réponses soumises lors d’un cycle précédent à reprendre.',
      pt: 'Este Estado não tem respostas enviadas em uma rodada anterior que possam ser aproveitadas.',
    },
  },
  clarification_needs_submission: {
    status: 409,
    messages: {
      en: 'There is no submitted version to clarify (the evaluation is {evaluationStatus}).',
      es: 'No hay una versión presentada que aclarar (el estado de la evaluación es {evaluationStatus}).',
      fr: 'Il n’existe aucune version soumise à préciser (l’évaluation est à l’état {evaluationStatus}).',
      pt: 'Não há versão enviada a esclarecer (o estado da avaliação é {evaluationStatus}).',
    },
  },
  draft_frozen: {
    status: 409,
    messages: {
      en: 'The answers are frozen: the evaluation is {evaluationStatus}, so the draft cannot change.',
      es: 'Las respuestas están bloqueadas: el estado de la evaluación es {evaluationStatus}, por lo que el borrador no puede modificarse.',
      fr: 'Les réponses sont figées : l’évaluation est à l’état {evaluationStatus}, le brouillon ne peut donc plus être modifié.',
      pt: 'As respostas estão bloqueadas: o estado da avaliação é {evaluationStatus}, por isso o rascunho não pode ser alterado.',
    },
  },
  idempotency_key_reused: {
    status: 409,
    messages: {
      en: 'This Idempotency-Key was already used for a different request.',
      es: 'Esta Idempotency-Key ya se utilizó para una solicitud diferente.',
      fr: 'Cette Idempotency-Key a déjà servi pour une autre requête.',
      pt: 'Esta Idempotency-Key já foi usada para uma solicitação diferente.',
    },
  },
  submission_status: {
    status: 409,
    messages: {
      en: 'Answers cannot be submitted now: the evaluation is {evaluationStatus}.',
      es: 'Las respuestas no pueden presentarse ahora: el estado de la evaluación es {evaluationStatus}.',
      fr: 'Les réponses ne peuvent pas être soumises maintenant : l’évaluation est à l’état {evaluationStatus}.',
      pt: 'As respostas não podem ser enviadas agora: o estado da avaliação é {evaluationStatus}.',
    },
  },
});
