import type { Language } from '@mesecvi/http';

/** JSON Schema of the optional link a mail to a stand-in permanent mission carries. */
export const designateFocalPointUrlSchema = { type: 'string', pattern: '^https?://\\S+$', maxLength: 2000 } as const;

/**
 * Said to a permanent mission that receives a mail because its state has no focal point: why it
 * gets it and where to read how to designate one. Nothing when the recipient is not standing in.
 */
export function designateFocalPoint(language: Language, url: string | undefined): string[] {
  if (!url) return [];
  return {
    en: [
      'You receive this message because your State has not designated a national focal point on the platform yet.',
      `How to designate one: ${url}`,
    ],
    es: [
      'Recibe este mensaje porque su Estado aún no ha designado un punto focal nacional en la plataforma.',
      `Cómo designarlo: ${url}`,
    ],
    fr: [
      'Vous recevez ce message parce que votre État n’a pas encore désigné de point focal national sur la plateforme.',
      `Comment le désigner\u00a0: ${url}`,
    ],
    pt: [
      'Recebe esta mensagem porque o seu Estado ainda não designou um ponto focal nacional na plataforma.',
      `Como designá-lo: ${url}`,
    ],
  }[language];
}

/**
 * The button's label for a stand-in mission, whose link leads to the public page on designating a
 * focal point rather than to the object (it has no account to open it with); undefined otherwise.
 */
export function standInAction(language: Language, url: string | undefined): string | undefined {
  if (!url) return undefined;
  return {
    en: 'How to designate a focal point',
    es: 'Cómo designar un punto focal',
    fr: 'Comment désigner un point focal',
    pt: 'Como designar um ponto focal',
  }[language];
}
