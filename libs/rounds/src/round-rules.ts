import { defineRules } from '@mesecvi/errors';

/** The rules a round, its distribution, an evaluation's status or an extension request can break. */
export const ROUND_RULES = defineRules({
  round_phase_next: {
    rule: 'round_phase_order',
    status: 409,
    messages: {
      en: 'A round in {from} can only move to {next}, not {to}.',
      es: 'Una ronda en {from} solo puede pasar a {next}, no a {to}.',
      fr: 'Un cycle en {from} ne peut passer qu’à {next}, pas à {to}.',
      pt: 'Uma rodada em {from} só pode passar para {next}, não para {to}.',
    },
  },
  round_closed: {
    rule: 'round_phase_order',
    status: 409,
    messages: {
      en: 'The round is closed: it moves to no other phase.',
      es: 'La ronda está cerrada: no pasa a ninguna otra fase.',
      fr: 'Le cycle est clos : il ne passe à aucune autre phase.',
      pt: 'A rodada está encerrada: não passa para nenhuma outra fase.',
    },
  },
  round_needs_questionnaire: {
    rule: 'round_phase_order',
    status: 409,
    messages: {
      en: 'Attach the questionnaire version the committee adopted first.',
      es: 'Primero adjunte la versión del cuestionario que adoptó el Comité.',
      fr: 'Joignez d’abord la version du questionnaire adoptée par le Comité.',
      pt: 'Anexe primeiro a versão do questionário adotada pelo Comitê.',
    },
  },
  round_needs_due_date: {
    rule: 'round_phase_order',
    status: 409,
    messages: {
      en: 'Set the response due date first.',
      es: 'Primero fije la fecha límite de respuesta.',
      fr: 'Fixez d’abord la date limite de réponse.',
      pt: 'Defina primeiro o prazo de resposta.',
    },
  },
  questionnaire_frozen_after_adoption: {
    status: 409,
    messages: {
      en: 'The questionnaire of a round can only change while the round is in planning.',
      es: 'El cuestionario de una ronda solo puede cambiar mientras la ronda está en planificación.',
      fr: 'Le questionnaire d’un cycle ne peut changer que pendant sa planification.',
      pt: 'O questionário de uma rodada só pode mudar enquanto a rodada está em planejamento.',
    },
  },
  follow_up_has_no_common_questionnaire: {
    rule: 'follow_up_generated',
    status: 409,
    messages: {
      en: 'A follow-up round has no common questionnaire: each state’s is generated from its open recommendations and never changes.',
      es: 'Una ronda de seguimiento no tiene cuestionario común: el de cada Estado se genera a partir de sus recomendaciones abiertas y no cambia.',
      fr: 'Un cycle de suivi n’a pas de questionnaire commun : celui de chaque État est produit à partir de ses recommandations ouvertes et ne change jamais.',
      pt: 'Uma rodada de acompanhamento não tem questionário comum: o de cada Estado é gerado a partir de suas recomendações abertas e nunca muda.',
    },
  },
  follow_up_distributed_by_generation: {
    rule: 'follow_up_generated',
    status: 409,
    messages: {
      en: 'A follow-up round is distributed by generating each state’s questionnaire: POST /rounds/{id}/follow-up-questionnaires.',
      es: 'Una ronda de seguimiento se distribuye generando el cuestionario de cada Estado: POST /rounds/{id}/follow-up-questionnaires.',
      fr: 'Un cycle de suivi est diffusé en produisant le questionnaire de chaque État : POST /rounds/{id}/follow-up-questionnaires.',
      pt: 'Uma rodada de acompanhamento é distribuída gerando o questionário de cada Estado: POST /rounds/{id}/follow-up-questionnaires.',
    },
  },
  distribution_phase: {
    status: 409,
    messages: {
      en: 'A round is distributed once it is open for responses.',
      es: 'Una ronda se distribuye cuando está abierta a respuestas.',
      fr: 'Un cycle est diffusé une fois ouvert aux réponses.',
      pt: 'Uma rodada é distribuída quando está aberta a respostas.',
    },
  },
  evaluation_status_transition: {
    status: 409,
    messages: {
      en: 'An evaluation in status {from} cannot take “{event}”.',
      es: 'Una evaluación en estado {from} no admite «{event}».',
      fr: 'Une évaluation au statut {from} n’admet pas « {event} ».',
      pt: 'Uma avaliação no estado {from} não admite “{event}”.',
    },
  },
  extension_before_submission: {
    status: 409,
    messages: {
      en: 'An extension can be requested only before submitting (the evaluation is {status}).',
      es: 'Solo se puede pedir una prórroga antes de enviar (la evaluación está en {status}).',
      fr: 'Une prolongation ne peut être demandée qu’avant la soumission (l’évaluation est {status}).',
      pt: 'Só é possível pedir uma prorrogação antes do envio (a avaliação está em {status}).',
    },
  },
  one_open_extension_request: {
    status: 409,
    messages: {
      en: 'An extension request is already waiting for a decision.',
      es: 'Ya hay una solicitud de prórroga a la espera de decisión.',
      fr: 'Une demande de prolongation attend déjà une décision.',
      pt: 'Já existe um pedido de prorrogação aguardando decisão.',
    },
  },
  extension_decided_once: {
    status: 409,
    messages: {
      en: 'This request was already {status}.',
      es: 'Esta solicitud ya fue resuelta ({status}).',
      fr: 'Cette demande a déjà été traitée ({status}).',
      pt: 'Este pedido já foi decidido ({status}).',
    },
  },
});
