import { defineRules } from '@mesecvi/errors';

/** The rules appointments, proposals, requests to states, offices and conflict declarations can break. */
export const APPOINTMENT_RULES = defineRules({
  end_after_start: {
    status: 422,
    messages: {
      en: 'The term must not end ({termEnd}) before it starts ({termStart}).',
      es: 'El mandato no puede terminar ({termEnd}) antes de comenzar ({termStart}).',
      fr: 'Le mandat ne peut pas se terminer ({termEnd}) avant de commencer ({termStart}).',
      pt: 'O mandato não pode terminar ({termEnd}) antes de começar ({termStart}).',
    },
  },
  replaces_mismatch: {
    status: 409,
    messages: {
      en: '{stateCode} already has an active {kind} appointment; name it in replacesId to replace it.',
      es: '{stateCode} ya tiene un nombramiento activo de tipo {kind}; indíquelo en replacesId para reemplazarlo.',
      fr: '{stateCode} a déjà une nomination active de type {kind} ; indiquez-la dans replacesId pour la remplacer.',
      pt: '{stateCode} já tem uma nomeação ativa do tipo {kind}; indique-a em replacesId para substituí-la.',
    },
  },
  replaces_mismatch_empty_seat: {
    rule: 'replaces_mismatch',
    status: 409,
    messages: {
      en: 'The appointment named in replacesId is not the active {kind} of {stateCode}: the seat is empty, omit replacesId.',
      es: 'El nombramiento indicado en replacesId no es el {kind} activo de {stateCode}: el puesto está vacante, omita replacesId.',
      fr: 'La nomination indiquée dans replacesId n’est pas le {kind} actif de {stateCode} : le siège est vacant, omettez replacesId.',
      pt: 'A nomeação indicada em replacesId não é o {kind} ativo de {stateCode}: o assento está vago, omita replacesId.',
    },
  },
  replaces_already_replaced: {
    rule: 'replaces_mismatch',
    status: 409,
    messages: {
      en: 'The named appointment has already been replaced.',
      es: 'El nombramiento indicado ya fue reemplazado.',
      fr: 'La nomination indiquée a déjà été remplacée.',
      pt: 'A nomeação indicada já foi substituída.',
    },
  },
  overlapping_terms: {
    status: 409,
    messages: {
      en: 'The new term starts ({termStart}) before the term it replaces ({currentTermStart}).',
      es: 'El nuevo mandato comienza ({termStart}) antes que el mandato al que reemplaza ({currentTermStart}).',
      fr: 'Le nouveau mandat commence ({termStart}) avant le mandat qu’il remplace ({currentTermStart}).',
      pt: 'O novo mandato começa ({termStart}) antes do mandato que substitui ({currentTermStart}).',
    },
  },
  overlapping_previous_term: {
    rule: 'overlapping_terms',
    status: 409,
    messages: {
      en: 'The new term starts ({termStart}) before the previous term of this seat ended ({previousTermEnd}).',
      es: 'El nuevo mandato comienza ({termStart}) antes de que terminara el mandato anterior de este puesto ({previousTermEnd}).',
      fr: 'Le nouveau mandat commence ({termStart}) avant la fin du mandat précédent de ce siège ({previousTermEnd}).',
      pt: 'O novo mandato começa ({termStart}) antes do fim do mandato anterior deste assento ({previousTermEnd}).',
    },
  },
  overlapping_office_term: {
    rule: 'overlapping_terms',
    status: 409,
    messages: {
      en: "The new term starts ({termStart}) before the current holder's term ({holderTermStart}).",
      es: 'El nuevo mandato comienza ({termStart}) antes que el mandato de quien ocupa actualmente el cargo ({holderTermStart}).',
      fr: 'Le nouveau mandat commence ({termStart}) avant le mandat du titulaire actuel de la fonction ({holderTermStart}).',
      pt: 'O novo mandato começa ({termStart}) antes do mandato de quem ocupa atualmente o cargo ({holderTermStart}).',
    },
  },
  third_consecutive_term: {
    status: 409,
    messages: {
      en: 'This expert has held the office for {run} consecutive terms; re-election is allowed once, so a third consecutive term is refused.',
      es: 'Esta persona experta ha ejercido el cargo durante {run} mandatos consecutivos; la reelección se permite una sola vez, por lo que se rechaza un tercer mandato consecutivo.',
      fr: 'Cet expert a exercé la fonction pendant {run} mandats consécutifs ; la réélection n’est permise qu’une fois, un troisième mandat consécutif est donc refusé.',
      pt: 'Esta pessoa especialista exerceu o cargo por {run} mandatos consecutivos; a reeleição é permitida uma única vez, por isso um terceiro mandato consecutivo é recusado.',
    },
  },
  consensus_without_counts: {
    status: 422,
    messages: {
      en: 'An election by consensus has no vote counts.',
      es: 'Una elección por consenso no lleva recuento de votos.',
      fr: 'Une élection par consensus ne comporte pas de décompte des voix.',
      pt: 'Uma eleição por consenso não tem contagem de votos.',
    },
  },
  vote_counts_required: {
    status: 422,
    messages: {
      en: 'A vote needs {field}.',
      es: 'Una votación requiere {field}.',
      fr: 'Un vote exige {field}.',
      pt: 'Uma votação exige {field}.',
    },
  },
  simple_majority: {
    status: 422,
    messages: {
      en: 'A vote elects with a simple majority: votesFor must exceed votesAgainst.',
      es: 'Una votación elige por mayoría simple: votesFor debe ser mayor que votesAgainst.',
      fr: 'Un vote élit à la majorité simple : votesFor doit dépasser votesAgainst.',
      pt: 'Uma votação elege por maioria simples: votesFor deve ser maior que votesAgainst.',
    },
  },
  reply_date_not_past: {
    status: 422,
    messages: {
      en: 'The reply date must not be in the past.',
      es: 'La fecha de respuesta no puede ser una fecha pasada.',
      fr: 'La date de réponse ne peut pas être dans le passé.',
      pt: 'A data de resposta não pode estar no passado.',
    },
  },
  nothing_pending: {
    status: 409,
    messages: {
      en: 'No state of this request is still pending: there is nothing to re-send.',
      es: 'Ningún Estado de esta solicitud sigue pendiente: no hay nada que reenviar.',
      fr: 'Aucun État de cette demande n’est encore en attente : il n’y a rien à renvoyer.',
      pt: 'Nenhum Estado desta solicitação continua pendente: não há nada a reenviar.',
    },
  },
  target_not_pending: {
    status: 409,
    messages: {
      en: "{stateCode}'s part of this request is already {targetStatus}.",
      es: 'La parte de {stateCode} en esta solicitud ya tiene el estado {targetStatus}.',
      fr: 'La partie de {stateCode} dans cette demande est déjà à l’état {targetStatus}.',
      pt: 'A parte de {stateCode} nesta solicitação já está no estado {targetStatus}.',
    },
  },
  state_in_request: {
    status: 422,
    messages: {
      en: 'Not part of this request: {stateCodes}.',
      es: 'No forman parte de esta solicitud: {stateCodes}.',
      fr: 'Ne font pas partie de cette demande : {stateCodes}.',
      pt: 'Não fazem parte desta solicitação: {stateCodes}.',
    },
  },
  expert_required: {
    status: 422,
    messages: {
      en: 'expertUserId is required when the secretariat records a conflict.',
      es: 'expertUserId es obligatorio cuando la Secretaría registra un conflicto de intereses.',
      fr: 'expertUserId est obligatoire lorsque le Secrétariat enregistre un conflit d’intérêts.',
      pt: 'expertUserId é obrigatório quando a Secretaria registra um conflito de interesses.',
    },
  },
  known_expert: {
    status: 422,
    messages: {
      en: 'No committee expert has this id.',
      es: 'Ninguna persona experta del Comité tiene este identificador.',
      fr: 'Aucun expert du Comité ne porte cet identifiant.',
      pt: 'Nenhuma pessoa especialista do Comitê tem este identificador.',
    },
  },
  known_state: {
    status: 422,
    messages: {
      en: '{stateCode} is not a state party.',
      es: '{stateCode} no es un Estado Parte.',
      fr: '{stateCode} n’est pas un État partie.',
      pt: '{stateCode} não é um Estado Parte.',
    },
  },
  known_appointment: {
    status: 422,
    messages: {
      en: 'No appointment has this id.',
      es: 'Ningún nombramiento tiene este identificador.',
      fr: 'Aucune nomination ne porte cet identifiant.',
      pt: 'Nenhuma nomeação tem este identificador.',
    },
  },
  officer_active_titular: {
    status: 409,
    messages: {
      en: 'Officers are elected from the active titular experts: this appointment is not an active titular one.',
      es: 'La Mesa se elige entre las personas expertas titulares activas: este nombramiento no es de titular activo.',
      fr: 'Le Bureau est élu parmi les experts titulaires actifs : cette nomination n’est pas celle d’un titulaire actif.',
      pt: 'A Mesa é eleita entre as pessoas especialistas titulares ativas: esta nomeação não é de titular ativo.',
    },
  },
  one_office_per_expert: {
    status: 409,
    messages: {
      en: 'This expert already holds the office of {office} during this term.',
      es: 'Esta persona experta ya ocupa el cargo de {office} durante este mandato.',
      fr: 'Cet expert occupe déjà la fonction de {office} pendant ce mandat.',
      pt: 'Esta pessoa especialista já ocupa o cargo de {office} durante este mandato.',
    },
  },
  proposal_not_open: {
    status: 409,
    messages: {
      en: 'The proposal is already {proposalStatus}.',
      es: 'La propuesta ya tiene el estado {proposalStatus}.',
      fr: 'La proposition est déjà à l’état {proposalStatus}.',
      pt: 'A proposta já está no estado {proposalStatus}.',
    },
  },
  term_end_in_future: {
    status: 422,
    messages: {
      en: 'A term that has already ended cannot be recorded as an active appointment.',
      es: 'Un mandato que ya terminó no puede registrarse como nombramiento activo.',
      fr: 'Un mandat déjà terminé ne peut pas être enregistré comme nomination active.',
      pt: 'Um mandato que já terminou não pode ser registrado como nomeação ativa.',
    },
  },
  appointment_not_active: {
    status: 409,
    messages: {
      en: 'The appointment is {appointmentStatus}; only an active appointment can be ended or withdrawn.',
      es: 'El nombramiento tiene el estado {appointmentStatus}; solo un nombramiento activo puede concluirse o retirarse.',
      fr: 'La nomination est à l’état {appointmentStatus} ; seule une nomination active peut prendre fin ou être retirée.',
      pt: 'A nomeação está no estado {appointmentStatus}; somente uma nomeação ativa pode ser encerrada ou retirada.',
    },
  },
  proposal_matches: {
    status: 422,
    messages: {
      en: 'No proposal of a {kind} for {stateCode} has this id.',
      es: 'Ninguna propuesta de {kind} para {stateCode} tiene este identificador.',
      fr: 'Aucune proposition de {kind} pour {stateCode} ne porte cet identifiant.',
      pt: 'Nenhuma proposta de {kind} para {stateCode} tem este identificador.',
    },
  },
  one_active_per_seat: {
    status: 409,
    messages: {
      en: 'This state already has an active holder of this seat; name it in replacesId to replace it.',
      es: 'Este Estado ya tiene un titular activo en este puesto; indíquelo en replacesId para reemplazarlo.',
      fr: 'Cet État a déjà un titulaire actif pour ce siège ; indiquez-le dans replacesId pour le remplacer.',
      pt: 'Este Estado já tem um ocupante ativo neste assento; indique-o em replacesId para substituí-lo.',
    },
  },
  one_current_officer: {
    status: 409,
    messages: {
      en: 'Someone else was elected to this office at the same time; reload and try again.',
      es: 'Otra persona fue elegida para este cargo al mismo tiempo; vuelva a cargar e inténtelo de nuevo.',
      fr: 'Une autre personne a été élue à cette fonction au même moment ; rechargez et réessayez.',
      pt: 'Outra pessoa foi eleita para este cargo ao mesmo tempo; recarregue e tente novamente.',
    },
  },
  conflict_already_declared: {
    status: 409,
    messages: {
      en: 'This expert has already declared a conflict with this state.',
      es: 'Esta persona experta ya declaró un conflicto de intereses con este Estado.',
      fr: 'Cet expert a déjà déclaré un conflit d’intérêts avec cet État.',
      pt: 'Esta pessoa especialista já declarou conflito de interesses com este Estado.',
    },
  },
  state_already_targeted: {
    status: 409,
    messages: {
      en: 'This state is already part of the request.',
      es: 'Este Estado ya forma parte de la solicitud.',
      fr: 'Cet État fait déjà partie de la demande.',
      pt: 'Este Estado já faz parte da solicitação.',
    },
  },
});
