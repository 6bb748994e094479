import type { Language } from '@mesecvi/http';

/** Words every mail shares: the platform's official name, the signature and the automatic-mail notice. */
export interface CommonCopy {
  platform: string;
  signature: string[];
  footer: string;
  /** What introduces the link in the text part (French puts a no-break space before the colon). */
  colon: string;
  /** The button of a mail that leads to an evaluation's page, whatever the mail is about. */
  openEvaluation: string;
}

export const COMMON_COPY: Readonly<Record<Language, CommonCopy>> = {
  en: {
    platform: 'MESECVI Follow-up Platform',
    signature: [
      'Technical Secretariat of the MESECVI',
      'Inter-American Commission of Women (CIM) · Organization of American States',
    ],
    footer: 'This message was sent automatically by the MESECVI Follow-up Platform. Please do not reply to it.',
    colon: ':',
    openEvaluation: 'Open the evaluation',
  },
  es: {
    platform: 'Plataforma de Seguimiento del MESECVI',
    signature: [
      'Secretaría Técnica del MESECVI',
      'Comisión Interamericana de Mujeres (CIM) · Organización de los Estados Americanos',
    ],
    footer:
      'Este mensaje fue enviado automáticamente por la Plataforma de Seguimiento del MESECVI. Le rogamos no responder.',
    colon: ':',
    openEvaluation: 'Abrir la evaluación',
  },
  fr: {
    platform: 'Plateforme de suivi du MESECVI',
    signature: [
      'Secrétariat technique du MESECVI',
      'Commission interaméricaine des femmes (CIM) · Organisation des États américains',
    ],
    footer:
      'Ce message a été envoyé automatiquement par la Plateforme de suivi du MESECVI. Merci de ne pas y répondre.',
    colon: '\u00a0:',
    openEvaluation: 'Ouvrir l’évaluation',
  },
  pt: {
    platform: 'Plataforma de Acompanhamento do MESECVI',
    signature: [
      'Secretaria Técnica do MESECVI',
      'Comissão Interamericana de Mulheres (CIM) · Organização dos Estados Americanos',
    ],
    footer:
      'Esta mensagem foi enviada automaticamente pela Plataforma de Acompanhamento do MESECVI. Por favor, não responda.',
    colon: ':',
    openEvaluation: 'Abrir a avaliação',
  },
};
