import { defineRules } from '@mesecvi/errors';

/** The rules a state evaluation's status machine can break. */
export const EVALUATION_RULES = defineRules({
  evaluation_status_transition: {
    status: 409,
    messages: {
      en: 'An evaluation in status {from} cannot take "{action}".',
      es: 'Una evaluación en estado {from} no admite la acción "{action}".',
      fr: 'Une évaluation à l’état {from} ne peut pas recevoir l’action « {action} ».',
      pt: 'Uma avaliação no estado {from} não admite a ação "{action}".',
    },
  },
});
