import type { Language } from '../i18n/languages';

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
    notSavedYet:
      'What you enter on this page stays here while the page is open. Saving answers comes with the next version of the platform.',
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
    notSavedYet:
      'Lo que escriba en esta página se conserva mientras la página esté abierta. La posibilidad de guardar las respuestas llegará con la próxima versión de la plataforma.',
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
    notSavedYet:
      "Ce que vous saisissez sur cette page y reste tant que la page est ouverte. L'enregistrement des réponses arrive avec la prochaine version de la plateforme.",
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
    notSavedYet:
      'O que você digitar nesta página permanece nela enquanto a página estiver aberta. Salvar as respostas chega com a próxima versão da plataforma.',
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
export type FormTranslator = (key: FormMessageKey, params?: Record<string, string>) => string;

export function formTranslator(language: Language, pseudo: boolean): FormTranslator {
  return (key, params = {}) => {
    const text = formMessages[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
    return pseudo ? `[[${text}]]` : text;
  };
}
