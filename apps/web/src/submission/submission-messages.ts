/**
 * The strings of "check your answers", submitting and the receipt, loaded with those pages: the
 * same four languages as the catalogues, pseudo-wrapped with them.
 */
export const submissionMessages = {
  en: {
    checkLink: 'Check your answers and submit',
    checkTitle: 'Check your answers before submitting',
    checkIntro:
      'Every answer of the draft, section by section. To change one, follow the section’s change link; the answers are saved as you type.',
    changeSection: 'Change the answers of “{section}”',
    printAnswers: 'Print the answers',
    submitTitle: 'Submit the answers',
    submitIntro:
      'Once submitted, this version of the answers can no longer be changed. The secretariat is told and you receive a receipt.',
    submit: 'Submit the answers',
    submitting: 'Submitting…',
    contributorCannotSubmit:
      'Only your state’s national focal point can submit the answers. Tell the focal point when they are ready.',
    notOpenForSubmission: 'The answers cannot be submitted now: the evaluation is “{status}”.',
    connectionLost:
      'The connection was lost before the platform answered. Press “Submit the answers” again: the answers are submitted only once.',
    submitFailed:
      'The answers could not be submitted. Try again in a moment; if it happens again, tell the secretariat.',
    errorSummaryTitle: 'There is a problem',
    errorSummaryIntro: 'Correct these answers, then submit again:',
    problemAt: '{question}: {message}',
    receiptTitle: 'Answers submitted: version {version}',
    receiptIntro:
      'The platform received this version of your answers. Keep this receipt: it says what was received and when.',
    version: 'Version',
    submittedAt: 'Submitted on',
    timeliness: 'On time or late',
    onTime: 'On time',
    lateOneDay: 'Late by 1 day',
    lateDays: 'Late by {days} days',
    sha256: 'Fingerprint of the answers (sha256)',
    sha256Help:
      'The platform’s integrity check recomputes this fingerprint from the stored answers: it is the same as long as not one character of them has changed.',
    printReceipt: 'Print the receipt',
    readOnly: 'A submitted version cannot be changed.',
    answersTitle: 'The answers of version {version}',
    versionsTitle: 'Submitted versions',
    versionEntry: 'Version {version}, submitted on {date}',
    changesTitle: 'What changed since version {version}',
    noChanges: 'No answer changed.',
    added: 'Added',
    removed: 'Removed',
    changed: 'Changed',
    before: 'Before',
    after: 'After',
    backToEvaluation: 'Back to the evaluation',
    versionNotFound: 'This evaluation has no such submitted version.',
  },
  es: {
    checkLink: 'Revisar las respuestas y enviarlas',
    checkTitle: 'Revise sus respuestas antes de enviarlas',
    checkIntro:
      'Todas las respuestas del borrador, sección por sección. Para cambiar una, siga el enlace de cambio de su sección; las respuestas se guardan mientras escribe.',
    changeSection: 'Cambiar las respuestas de «{section}»',
    printAnswers: 'Imprimir las respuestas',
    submitTitle: 'Enviar las respuestas',
    submitIntro:
      'Una vez enviada, esta versión de las respuestas ya no puede modificarse. Se avisa a la secretaría y usted recibe un comprobante.',
    submit: 'Enviar las respuestas',
    submitting: 'Enviando…',
    contributorCannotSubmit:
      'Solo el punto focal nacional de su Estado puede enviar las respuestas. Avísele cuando estén listas.',
    notOpenForSubmission: 'Las respuestas no pueden enviarse ahora: la evaluación está «{status}».',
    connectionLost:
      'La conexión se perdió antes de que la plataforma respondiera. Pulse de nuevo «Enviar las respuestas»: las respuestas se envían una sola vez.',
    submitFailed:
      'No se pudieron enviar las respuestas. Vuelva a intentarlo en un momento; si vuelve a ocurrir, avise a la secretaría.',
    errorSummaryTitle: 'Hay un problema',
    errorSummaryIntro: 'Corrija estas respuestas y vuelva a enviarlas:',
    problemAt: '{question}: {message}',
    receiptTitle: 'Respuestas enviadas: versión {version}',
    receiptIntro:
      'La plataforma recibió esta versión de sus respuestas. Conserve este comprobante: indica qué se recibió y cuándo.',
    version: 'Versión',
    submittedAt: 'Enviada el',
    timeliness: 'A tiempo o con retraso',
    onTime: 'A tiempo',
    lateOneDay: 'Con 1 día de retraso',
    lateDays: 'Con {days} días de retraso',
    sha256: 'Huella de las respuestas (sha256)',
    sha256Help:
      'El control de integridad de la plataforma vuelve a calcular esta huella a partir de las respuestas guardadas: es la misma mientras no haya cambiado ni un carácter.',
    printReceipt: 'Imprimir el comprobante',
    readOnly: 'Una versión enviada no puede modificarse.',
    answersTitle: 'Las respuestas de la versión {version}',
    versionsTitle: 'Versiones enviadas',
    versionEntry: 'Versión {version}, enviada el {date}',
    changesTitle: 'Qué cambió desde la versión {version}',
    noChanges: 'Ninguna respuesta cambió.',
    added: 'Añadido',
    removed: 'Eliminado',
    changed: 'Modificado',
    before: 'Antes',
    after: 'Después',
    backToEvaluation: 'Volver a la evaluación',
    versionNotFound: 'Esta evaluación no tiene esa versión enviada.',
  },
  fr: {
    checkLink: 'Vérifier vos réponses et les soumettre',
    checkTitle: 'Vérifiez vos réponses avant de les soumettre',
    checkIntro:
      'Toutes les réponses du brouillon, section par section. Pour en changer une, suivez le lien de modification de sa section ; les réponses sont enregistrées pendant la saisie.',
    changeSection: 'Modifier les réponses de « {section} »',
    printAnswers: 'Imprimer les réponses',
    submitTitle: 'Soumettre les réponses',
    submitIntro:
      'Une fois soumise, cette version des réponses ne peut plus être modifiée. Le secrétariat est prévenu et vous recevez un accusé de réception.',
    submit: 'Soumettre les réponses',
    submitting: 'Envoi en cours…',
    contributorCannotSubmit:
      'Seul le point focal national de votre État peut soumettre les réponses. Prévenez-le quand elles sont prêtes.',
    notOpenForSubmission: "Les réponses ne peuvent pas être soumises maintenant : l'évaluation est « {status} ».",
    connectionLost:
      'La connexion a été perdue avant la réponse de la plateforme. Appuyez de nouveau sur « Soumettre les réponses » : les réponses ne sont soumises qu’une fois.',
    submitFailed:
      "Les réponses n'ont pas pu être soumises. Réessayez dans un instant ; si cela se reproduit, prévenez le secrétariat.",
    errorSummaryTitle: 'Il y a un problème',
    errorSummaryIntro: 'Corrigez ces réponses, puis soumettez de nouveau :',
    problemAt: '{question} : {message}',
    receiptTitle: 'Réponses soumises : version {version}',
    receiptIntro:
      'La plateforme a reçu cette version de vos réponses. Gardez cet accusé de réception : il dit ce qui a été reçu et quand.',
    version: 'Version',
    submittedAt: 'Soumise le',
    timeliness: 'Dans les délais ou en retard',
    onTime: 'Dans les délais',
    lateOneDay: 'En retard de 1 jour',
    lateDays: 'En retard de {days} jours',
    sha256: 'Empreinte des réponses (sha256)',
    sha256Help:
      "Le contrôle d'intégrité de la plateforme recalcule cette empreinte à partir des réponses enregistrées : elle reste la même tant que pas un caractère n'a changé.",
    printReceipt: "Imprimer l'accusé de réception",
    readOnly: 'Une version soumise ne peut pas être modifiée.',
    answersTitle: 'Les réponses de la version {version}',
    versionsTitle: 'Versions soumises',
    versionEntry: 'Version {version}, soumise le {date}',
    changesTitle: 'Ce qui a changé depuis la version {version}',
    noChanges: "Aucune réponse n'a changé.",
    added: 'Ajouté',
    removed: 'Supprimé',
    changed: 'Modifié',
    before: 'Avant',
    after: 'Après',
    backToEvaluation: "Revenir à l'évaluation",
    versionNotFound: "Cette évaluation n'a pas cette version soumise.",
  },
  pt: {
    checkLink: 'Verificar as respostas e enviá-las',
    checkTitle: 'Verifique suas respostas antes de enviá-las',
    checkIntro:
      'Todas as respostas do rascunho, seção por seção. Para mudar uma, siga o link de alteração da seção; as respostas são salvas enquanto você digita.',
    changeSection: 'Alterar as respostas de “{section}”',
    printAnswers: 'Imprimir as respostas',
    submitTitle: 'Enviar as respostas',
    submitIntro:
      'Depois de enviada, esta versão das respostas não pode mais ser alterada. A secretaria é avisada e você recebe um comprovante.',
    submit: 'Enviar as respostas',
    submitting: 'Enviando…',
    contributorCannotSubmit:
      'Somente o ponto focal nacional do seu Estado pode enviar as respostas. Avise-o quando estiverem prontas.',
    notOpenForSubmission: 'As respostas não podem ser enviadas agora: a avaliação está “{status}”.',
    connectionLost:
      'A conexão caiu antes de a plataforma responder. Pressione de novo “Enviar as respostas”: as respostas são enviadas uma única vez.',
    submitFailed:
      'Não foi possível enviar as respostas. Tente de novo em instantes; se acontecer outra vez, avise a secretaria.',
    errorSummaryTitle: 'Há um problema',
    errorSummaryIntro: 'Corrija estas respostas e envie novamente:',
    problemAt: '{question}: {message}',
    receiptTitle: 'Respostas enviadas: versão {version}',
    receiptIntro:
      'A plataforma recebeu esta versão das suas respostas. Guarde este comprovante: ele diz o que foi recebido e quando.',
    version: 'Versão',
    submittedAt: 'Enviada em',
    timeliness: 'No prazo ou com atraso',
    onTime: 'No prazo',
    lateOneDay: 'Com 1 dia de atraso',
    lateDays: 'Com {days} dias de atraso',
    sha256: 'Impressão digital das respostas (sha256)',
    sha256Help:
      'A verificação de integridade da plataforma recalcula esta impressão digital a partir das respostas armazenadas: ela é a mesma enquanto nenhum caractere tiver mudado.',
    printReceipt: 'Imprimir o comprovante',
    readOnly: 'Uma versão enviada não pode ser alterada.',
    answersTitle: 'As respostas da versão {version}',
    versionsTitle: 'Versões enviadas',
    versionEntry: 'Versão {version}, enviada em {date}',
    changesTitle: 'O que mudou desde a versão {version}',
    noChanges: 'Nenhuma resposta mudou.',
    added: 'Adicionado',
    removed: 'Removido',
    changed: 'Alterado',
    before: 'Antes',
    after: 'Depois',
    backToEvaluation: 'Voltar à avaliação',
    versionNotFound: 'Esta avaliação não tem essa versão enviada.',
  },
} as const;

export type SubmissionMessageKey = keyof (typeof submissionMessages)['en'];
