import type { Language } from '@mesecvi/http';

/** Sentences this library adds to the questionnaire's validation messages, in the four languages. */
const UNKNOWN_ATTACHMENT: Record<Language, string> = {
  en: 'This attachment was not uploaded for your state; upload the file again or remove the reference.',
  es: 'Este documento adjunto no se cargó para su Estado; vuelva a cargar el archivo o elimine la referencia.',
  fr: "Cette pièce jointe n'a pas été téléversée pour votre État ; téléversez à nouveau le fichier ou supprimez la référence.",
  pt: 'Este anexo não foi enviado para o seu Estado; envie o arquivo novamente ou remova a referência.',
};

export const unknownAttachmentMessage = (language: Language): string =>
  UNKNOWN_ATTACHMENT[language] ?? UNKNOWN_ATTACHMENT.en;
