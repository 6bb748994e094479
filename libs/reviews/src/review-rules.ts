import { defineRules } from '@mesecvi/errors';

/** The rules the review of an evaluation (rapporteurs, comments, clarifications) can break. */
export const REVIEW_RULES = defineRules({
  evaluation_not_under_review: {
    status: 409,
    messages: {
      en: 'Rapporteurs ask for clarification while the evaluation is under review; it is {evaluationStatus}.',
      es: 'Las personas relatoras piden aclaraciones mientras la evaluación está en revisión; su estado es {evaluationStatus}.',
      fr: 'Les rapporteurs demandent des éclaircissements pendant l’examen de l’évaluation ; elle est à l’état {evaluationStatus}.',
      pt: 'Os relatores pedem esclarecimentos enquanto a avaliação está em revisão; o estado dela é {evaluationStatus}.',
    },
  },
  evaluation_not_under_review_to_complete: {
    rule: 'evaluation_not_under_review',
    status: 409,
    messages: {
      en: 'Only a review under way can be completed; the evaluation is {evaluationStatus}.',
      es: 'Solo se puede concluir una revisión en curso; el estado de la evaluación es {evaluationStatus}.',
      fr: 'Seul un examen en cours peut être clos ; l’évaluation est à l’état {evaluationStatus}.',
      pt: 'Somente uma revisão em andamento pode ser concluída; o estado da avaliação é {evaluationStatus}.',
    },
  },
  pointer_in_questionnaire: {
    status: 422,
    messages: {
      en: "{pointer} is not an answer of this evaluation's questionnaire.",
      es: '{pointer} no es una respuesta del cuestionario de esta evaluación.',
      fr: '{pointer} n’est pas une réponse du questionnaire de cette évaluation.',
      pt: '{pointer} não é uma resposta do questionário desta avaliação.',
    },
  },
  open_clarification: {
    status: 409,
    messages: {
      en: 'A clarification request is still open: the review completes once the state has answered.',
      es: 'Todavía hay una solicitud de aclaración abierta: la revisión concluye cuando el Estado haya respondido.',
      fr: 'Une demande d’éclaircissement est encore ouverte : l’examen se clôt une fois que l’État a répondu.',
      pt: 'Ainda há um pedido de esclarecimento aberto: a revisão termina quando o Estado tiver respondido.',
    },
  },
  review_not_open: {
    status: 409,
    messages: {
      en: 'Comments are written during the review; the evaluation is {evaluationStatus}.',
      es: 'Los comentarios se escriben durante la revisión; el estado de la evaluación es {evaluationStatus}.',
      fr: 'Les commentaires se rédigent pendant l’examen ; l’évaluation est à l’état {evaluationStatus}.',
      pt: 'Os comentários são escritos durante a revisão; o estado da avaliação é {evaluationStatus}.',
    },
  },
  resolve_thread_root: {
    status: 409,
    messages: {
      en: 'A thread is resolved through its first comment.',
      es: 'Un hilo se resuelve desde su primer comentario.',
      fr: 'Un fil de discussion se résout depuis son premier commentaire.',
      pt: 'Uma conversa é resolvida a partir do seu primeiro comentário.',
    },
  },
  thread_already_resolved: {
    status: 409,
    messages: {
      en: 'This thread is resolved already.',
      es: 'Este hilo ya está resuelto.',
      fr: 'Ce fil de discussion est déjà résolu.',
      pt: 'Esta conversa já está resolvida.',
    },
  },
  known_thread: {
    status: 422,
    messages: {
      en: 'No thread of this evaluation has this id.',
      es: 'Ningún hilo de esta evaluación tiene este identificador.',
      fr: 'Aucun fil de discussion de cette évaluation ne porte cet identifiant.',
      pt: 'Nenhuma conversa desta avaliação tem este identificador.',
    },
  },
  thread_root: {
    status: 422,
    messages: {
      en: 'Reply to the first comment of the thread.',
      es: 'Responda al primer comentario del hilo.',
      fr: 'Répondez au premier commentaire du fil de discussion.',
      pt: 'Responda ao primeiro comentário da conversa.',
    },
  },
  thread_resolved: {
    status: 409,
    messages: {
      en: 'This thread is resolved; open a new one.',
      es: 'Este hilo está resuelto; abra uno nuevo.',
      fr: 'Ce fil de discussion est résolu ; ouvrez-en un nouveau.',
      pt: 'Esta conversa está resolvida; abra uma nova.',
    },
  },
  evaluation_in_round: {
    status: 422,
    messages: {
      en: 'This evaluation is not part of the round.',
      es: 'Esta evaluación no forma parte de la ronda.',
      fr: 'Cette évaluation ne fait pas partie du cycle.',
      pt: 'Esta avaliação não faz parte da rodada.',
    },
  },
  assignment_not_open: {
    status: 409,
    messages: {
      en: 'Only an open assignment can be withdrawn (this one is {assignmentStatus}).',
      es: 'Solo se puede retirar una asignación abierta (el estado de esta es {assignmentStatus}).',
      fr: 'Seule une désignation ouverte peut être retirée (celle-ci est à l’état {assignmentStatus}).',
      pt: 'Somente uma designação aberta pode ser retirada (o estado desta é {assignmentStatus}).',
    },
  },
  evaluation_not_reviewable: {
    status: 409,
    messages: {
      en: 'Rapporteurs are assigned to submitted evaluations under review; this one is {evaluationStatus}.',
      es: 'Las personas relatoras se asignan a evaluaciones presentadas y en revisión; el estado de esta es {evaluationStatus}.',
      fr: 'Les rapporteurs sont désignés pour des évaluations soumises et en cours d’examen ; celle-ci est à l’état {evaluationStatus}.',
      pt: 'Os relatores são designados para avaliações enviadas e em revisão; o estado desta é {evaluationStatus}.',
    },
  },
  review_due_date_not_open: {
    rule: 'evaluation_not_reviewable',
    status: 409,
    messages: {
      en: 'A review due date is set from submission until the review is completed; this evaluation is {evaluationStatus}.',
      es: 'La fecha límite de la revisión se fija desde la presentación hasta que concluye la revisión; el estado de esta evaluación es {evaluationStatus}.',
      fr: 'L’échéance de l’examen se fixe entre la soumission et la clôture de l’examen ; cette évaluation est à l’état {evaluationStatus}.',
      pt: 'O prazo da revisão é definido desde o envio até a conclusão da revisão; o estado desta avaliação é {evaluationStatus}.',
    },
  },
  committee_member: {
    status: 422,
    messages: {
      en: 'Not a committee expert with an active titular or alternate appointment.',
      es: 'No es una persona experta del Comité con un nombramiento activo como titular o suplente.',
      fr: 'Ce n’est pas un expert du Comité disposant d’une nomination active de titulaire ou de suppléant.',
      pt: 'Não é uma pessoa especialista do Comitê com uma nomeação ativa como titular ou suplente.',
    },
  },
  rapporteur_excluded_state: {
    status: 409,
    messages: {
      en: 'An expert never evaluates the state that appointed them nor one they declared a conflict with.',
      es: 'Una persona experta nunca evalúa al Estado que la designó ni a uno con el que declaró un conflicto de intereses.',
      fr: 'Un expert n’évalue jamais l’État qui l’a nommé ni un État avec lequel il a déclaré un conflit d’intérêts.',
      pt: 'Uma pessoa especialista nunca avalia o Estado que a nomeou nem um Estado com o qual declarou conflito de interesses.',
    },
  },
  rapporteur_excluded_named_state: {
    rule: 'rapporteur_excluded_state',
    status: 409,
    messages: {
      en: 'This expert may not evaluate {stateCode}: it appointed them or they declared a conflict with it.',
      es: 'Esta persona experta no puede evaluar a {stateCode}: ese Estado la designó o ella declaró un conflicto de intereses con él.',
      fr: 'Cet expert ne peut pas évaluer {stateCode} : cet État l’a nommé ou il a déclaré un conflit d’intérêts avec lui.',
      pt: 'Esta pessoa especialista não pode avaliar {stateCode}: esse Estado a nomeou ou ela declarou conflito de interesses com ele.',
    },
  },
  rapporteur_already_assigned: {
    status: 409,
    messages: {
      en: 'This expert is already a rapporteur of this evaluation.',
      es: 'Esta persona experta ya es relatora de esta evaluación.',
      fr: 'Cet expert est déjà rapporteur de cette évaluation.',
      pt: 'Esta pessoa especialista já é relatora desta avaliação.',
    },
  },
});
