import type { Language } from '../i18n/languages';
import { messageTranslator, type MessageTranslator } from '../i18n/message-set';

/**
 * The questionnaire pages' strings, loaded with those pages (not with every page): the same four
 * languages as the catalogues, pseudo-wrapped with them.
 */
export const formMessages = {
  en: {
    notAnswered: 'Not answered',
    evidenceCount: 'Attachments: {count}',
    taskListTitle: 'Answer the questionnaire',
    progress: '{done} of {total} sections complete',
    itemCount: '{count} questions',
    'status.notStarted': 'Not started',
    'status.inProgress': 'In progress',
    'status.complete': 'Complete',
    'status.problems': 'Has problems',
    backToSections: 'Back to the list of sections',
    autosaveNote:
      'Your answers are saved automatically a few seconds after you stop typing, and kept on this computer until they are.',
    'save.savedAt': 'Saved at {time}',
    'save.notYet': 'Not yet saved',
    'save.saving': 'Saving…',
    'save.offline':
      'Not yet saved: no connection. Your answers are kept on this computer and sent when the connection returns.',
    'save.frozen': 'This questionnaire can no longer be changed: your latest changes were not saved.',
    'save.refused': 'Not yet saved: the platform refused these answers. Please tell the secretariat.',
    'save.heldBack': 'A marked field is not saved until it is corrected; the rest of the section is saved.',
    'conflict.title': 'Someone else changed the same answer',
    'conflict.intro':
      'While you were working, another person of your State saved a different answer to this question. Choose which one to keep.',
    'conflict.mine': 'Your answer',
    'conflict.theirs': 'The answer saved by the other person',
    'conflict.keepMine': 'Keep my answer',
    'conflict.keepTheirs': 'Keep their answer',
    'problem.format':
      'This is not complete or not in the expected form (a web address, for instance, starts with https://).',
    'problem.maximum': 'This number is above the highest value allowed.',
    'problem.minimum': 'This number is below the lowest value allowed.',
    'problem.maxLength': 'This text is too long.',
    'problem.type': 'This answer is not of the expected kind.',
    'problem.enum': 'Choose one of the options offered.',
    'problem.required': 'Answer this question.',
    'problem.other': 'This answer cannot be saved as it is.',
    sectionNotFound: 'This questionnaire has no such section.',
    row: 'Row {number}',
    addRow: 'Add a row',
    removeRow: 'Remove row {number}',
    noRows: 'No rows yet.',
    choose: 'Choose…',
    cannotShow: 'This part of the questionnaire cannot be shown. Please tell the secretariat.',
    print: 'Print this section',
  },
  es: {
    notAnswered: 'Sin respuesta',
    evidenceCount: 'Documentos adjuntos: {count}',
    taskListTitle: 'Responder el cuestionario',
    progress: '{done} de {total} secciones completas',
    itemCount: '{count} preguntas',
    'status.notStarted': 'Sin empezar',
    'status.inProgress': 'En curso',
    'status.complete': 'Completa',
    'status.problems': 'Tiene problemas',
    backToSections: 'Volver a la lista de secciones',
    autosaveNote:
      'Sus respuestas se guardan automáticamente unos segundos después de que deja de escribir y se conservan en esta computadora hasta entonces.',
    'save.savedAt': 'Guardado a las {time}',
    'save.notYet': 'Aún no guardado',
    'save.saving': 'Guardando…',
    'save.offline':
      'Aún no guardado: no hay conexión. Sus respuestas se conservan en esta computadora y se enviarán cuando vuelva la conexión.',
    'save.frozen': 'Este cuestionario ya no puede modificarse: sus últimos cambios no se guardaron.',
    'save.refused': 'Aún no guardado: la plataforma rechazó estas respuestas. Avise a la secretaría.',
    'save.heldBack': 'Un campo marcado no se guarda hasta que se corrija; el resto de la sección está guardado.',
    'conflict.title': 'Otra persona cambió la misma respuesta',
    'conflict.intro':
      'Mientras usted trabajaba, otra persona de su Estado guardó una respuesta distinta a esta pregunta. Elija cuál conservar.',
    'conflict.mine': 'Su respuesta',
    'conflict.theirs': 'La respuesta guardada por la otra persona',
    'conflict.keepMine': 'Conservar mi respuesta',
    'conflict.keepTheirs': 'Conservar su respuesta',
    'problem.format':
      'Está incompleto o no tiene la forma esperada (una dirección web, por ejemplo, empieza por https://).',
    'problem.maximum': 'Este número supera el valor máximo permitido.',
    'problem.minimum': 'Este número es inferior al valor mínimo permitido.',
    'problem.maxLength': 'Este texto es demasiado largo.',
    'problem.type': 'Esta respuesta no es del tipo esperado.',
    'problem.enum': 'Elija una de las opciones ofrecidas.',
    'problem.required': 'Responda esta pregunta.',
    'problem.other': 'Esta respuesta no puede guardarse tal como está.',
    sectionNotFound: 'Este cuestionario no tiene esa sección.',
    row: 'Fila {number}',
    addRow: 'Añadir una fila',
    removeRow: 'Quitar la fila {number}',
    noRows: 'Todavía no hay filas.',
    choose: 'Elija…',
    cannotShow: 'Esta parte del cuestionario no puede mostrarse. Avise a la secretaría.',
    print: 'Imprimir esta sección',
  },
  fr: {
    notAnswered: 'Sans réponse',
    evidenceCount: 'Pièces jointes : {count}',
    taskListTitle: 'Répondre au questionnaire',
    progress: '{done} sections complètes sur {total}',
    itemCount: 'Nombre de questions : {count}',
    'status.notStarted': 'Pas commencée',
    'status.inProgress': 'En cours',
    'status.complete': 'Complète',
    'status.problems': 'À corriger',
    backToSections: 'Revenir à la liste des sections',
    autosaveNote:
      "Vos réponses sont enregistrées automatiquement quelques secondes après que vous cessez d'écrire, et gardées sur cet ordinateur jusque-là.",
    'save.savedAt': 'Enregistré à {time}',
    'save.notYet': 'Pas encore enregistré',
    'save.saving': 'Enregistrement…',
    'save.offline':
      'Pas encore enregistré : pas de connexion. Vos réponses sont gardées sur cet ordinateur et envoyées au retour de la connexion.',
    'save.frozen':
      "Ce questionnaire ne peut plus être modifié : vos dernières modifications n'ont pas été enregistrées.",
    'save.refused': 'Pas encore enregistré : la plateforme a refusé ces réponses. Prévenez le secrétariat.',
    'save.heldBack':
      "Un champ signalé n'est pas enregistré tant qu'il n'est pas corrigé ; le reste de la section est enregistré.",
    'conflict.title': 'Une autre personne a modifié la même réponse',
    'conflict.intro':
      'Pendant que vous travailliez, une autre personne de votre État a enregistré une réponse différente à cette question. Choisissez celle à garder.',
    'conflict.mine': 'Votre réponse',
    'conflict.theirs': "La réponse enregistrée par l'autre personne",
    'conflict.keepMine': 'Garder ma réponse',
    'conflict.keepTheirs': 'Garder sa réponse',
    'problem.format':
      "Ce n'est pas complet ou pas sous la forme attendue (une adresse web, par exemple, commence par https://).",
    'problem.maximum': 'Ce nombre dépasse la valeur maximale permise.',
    'problem.minimum': 'Ce nombre est inférieur à la valeur minimale permise.',
    'problem.maxLength': 'Ce texte est trop long.',
    'problem.type': "Cette réponse n'est pas du type attendu.",
    'problem.enum': 'Choisissez une des options proposées.',
    'problem.required': 'Répondez à cette question.',
    'problem.other': 'Cette réponse ne peut pas être enregistrée telle quelle.',
    sectionNotFound: "Ce questionnaire n'a pas cette section.",
    row: 'Ligne {number}',
    addRow: 'Ajouter une ligne',
    removeRow: 'Supprimer la ligne {number}',
    noRows: "Aucune ligne pour l'instant.",
    choose: 'Choisir…',
    cannotShow: 'Cette partie du questionnaire ne peut pas être affichée. Prévenez le secrétariat.',
    print: 'Imprimer cette section',
  },
  pt: {
    notAnswered: 'Sem resposta',
    evidenceCount: 'Anexos: {count}',
    taskListTitle: 'Responder ao questionário',
    progress: '{done} de {total} seções completas',
    itemCount: '{count} perguntas',
    'status.notStarted': 'Não iniciada',
    'status.inProgress': 'Em andamento',
    'status.complete': 'Completa',
    'status.problems': 'Tem problemas',
    backToSections: 'Voltar à lista de seções',
    autosaveNote:
      'Suas respostas são salvas automaticamente alguns segundos depois que você para de digitar e ficam guardadas neste computador até lá.',
    'save.savedAt': 'Salvo às {time}',
    'save.notYet': 'Ainda não salvo',
    'save.saving': 'Salvando…',
    'save.offline':
      'Ainda não salvo: sem conexão. Suas respostas ficam guardadas neste computador e serão enviadas quando a conexão voltar.',
    'save.frozen': 'Este questionário não pode mais ser alterado: suas últimas alterações não foram salvas.',
    'save.refused': 'Ainda não salvo: a plataforma recusou estas respostas. Avise a secretaria.',
    'save.heldBack': 'Um campo marcado não é salvo até ser corrigido; o resto da seção está salvo.',
    'conflict.title': 'Outra pessoa alterou a mesma resposta',
    'conflict.intro':
      'Enquanto você trabalhava, outra pessoa do seu Estado salvou uma resposta diferente para esta pergunta. Escolha qual manter.',
    'conflict.mine': 'Sua resposta',
    'conflict.theirs': 'A resposta salva pela outra pessoa',
    'conflict.keepMine': 'Manter minha resposta',
    'conflict.keepTheirs': 'Manter a resposta dela',
    'problem.format':
      'Está incompleto ou não está na forma esperada (um endereço web, por exemplo, começa com https://).',
    'problem.maximum': 'Este número está acima do valor máximo permitido.',
    'problem.minimum': 'Este número está abaixo do valor mínimo permitido.',
    'problem.maxLength': 'Este texto é longo demais.',
    'problem.type': 'Esta resposta não é do tipo esperado.',
    'problem.enum': 'Escolha uma das opções oferecidas.',
    'problem.required': 'Responda a esta pergunta.',
    'problem.other': 'Esta resposta não pode ser salva como está.',
    sectionNotFound: 'Este questionário não tem essa seção.',
    row: 'Linha {number}',
    addRow: 'Adicionar uma linha',
    removeRow: 'Remover a linha {number}',
    noRows: 'Ainda não há linhas.',
    choose: 'Escolha…',
    cannotShow: 'Esta parte do questionário não pode ser exibida. Avise a secretaria.',
    print: 'Imprimir esta seção',
  },
} as const;

export type FormMessageKey = keyof (typeof formMessages)['en'];

/** Translates the form's strings in the page's language; pseudo-wrapped like the catalogues. */
export type FormTranslator = MessageTranslator<FormMessageKey>;

export function formTranslator(language: Language, pseudo: boolean): FormTranslator {
  return messageTranslator(formMessages, language, pseudo);
}
