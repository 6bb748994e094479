import { COMMON_COPY } from './common-copy';
import type { MailTemplate } from './mail-template';
import type { SubmissionReceivedProps } from './template-props';

/** Tells the secretariat that a state's answers arrived (or were recorded on its behalf), with their hash. */
export const submissionReceivedTemplate: MailTemplate<SubmissionReceivedProps> = {
  propsSchema: {
    type: 'object',
    additionalProperties: false,
    required: [
      'recipientName',
      'roundName',
      'stateName',
      'versionNumber',
      'submittedAt',
      'onTime',
      'daysLate',
      'onBehalf',
      'sha256',
      'link',
    ],
    properties: {
      recipientName: { type: 'string', minLength: 1, maxLength: 300 },
      roundName: { type: 'string', minLength: 1, maxLength: 300 },
      stateName: { type: 'string', minLength: 1, maxLength: 300 },
      versionNumber: { type: 'integer', minimum: 1 },
      submittedAt: { type: 'string', format: 'date-time' },
      onTime: { type: 'boolean' },
      daysLate: { type: 'integer', minimum: 0 },
      onBehalf: { type: ['string', 'null'], enum: ['diplomatic_note', 'email', null] },
      sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      link: { type: 'string', pattern: '^https?://\\S+$', maxLength: 2000 },
    },
  },
  sensitiveProps: [],
  copies: {
    en: (p, h) => ({
      subject: `${p.roundName}: ${p.stateName} submitted its answers${p.versionNumber > 1 ? ` (version ${p.versionNumber})` : ''}`,
      greeting: `Dear ${p.recipientName},`,
      paragraphs: [
        `${p.stateName} submitted version ${p.versionNumber} of its answers on ${h.dateTime(p.submittedAt)}, ${p.onTime ? 'on time' : `${p.daysLate} day(s) late`}.`,
        ...(p.onBehalf
          ? [
              `The Technical Secretariat recorded it on the state's behalf (received by ${p.onBehalf === 'email' ? 'e-mail' : 'diplomatic note'}).`,
            ]
          : []),
        `SHA-256 of the submitted answers: ${p.sha256}`,
      ],
      action: { label: COMMON_COPY.en.openEvaluation, url: p.link },
    }),
    es: (p, h) => ({
      subject: `${p.roundName}: ${p.stateName} envió sus respuestas${p.versionNumber > 1 ? ` (versión ${p.versionNumber})` : ''}`,
      greeting: `Estimado/a ${p.recipientName}:`,
      paragraphs: [
        `${p.stateName} envió la versión ${p.versionNumber} de sus respuestas el ${h.dateTime(p.submittedAt)}, ${p.onTime ? 'dentro del plazo' : `con ${p.daysLate} día(s) de retraso`}.`,
        ...(p.onBehalf
          ? [
              `La Secretaría Técnica la registró en nombre del Estado (recibida por ${p.onBehalf === 'email' ? 'correo electrónico' : 'nota diplomática'}).`,
            ]
          : []),
        `SHA-256 de las respuestas enviadas: ${p.sha256}`,
      ],
      action: { label: COMMON_COPY.es.openEvaluation, url: p.link },
    }),
    fr: (p, h) => ({
      subject: `${p.roundName} : ${p.stateName} a soumis ses réponses${p.versionNumber > 1 ? ` (version ${p.versionNumber})` : ''}`,
      greeting: `Bonjour ${p.recipientName},`,
      paragraphs: [
        `${p.stateName} a soumis la version ${p.versionNumber} de ses réponses le ${h.dateTime(p.submittedAt)}, ${p.onTime ? 'dans les délais' : `avec ${p.daysLate} jour(s) de retard`}.`,
        ...(p.onBehalf
          ? [
              `Le Secrétariat technique l’a enregistrée au nom de l’État (reçue par ${p.onBehalf === 'email' ? 'courriel' : 'note diplomatique'}).`,
            ]
          : []),
        `SHA-256 des réponses soumises : ${p.sha256}`,
      ],
      action: { label: COMMON_COPY.fr.openEvaluation, url: p.link },
    }),
    pt: (p, h) => ({
      subject: `${p.roundName}: ${p.stateName} enviou suas respostas${p.versionNumber > 1 ? ` (versão ${p.versionNumber})` : ''}`,
      greeting: `Prezado(a) ${p.recipientName},`,
      paragraphs: [
        `${p.stateName} enviou a versão ${p.versionNumber} de suas respostas em ${h.dateTime(p.submittedAt)}, ${p.onTime ? 'dentro do prazo' : `com ${p.daysLate} dia(s) de atraso`}.`,
        ...(p.onBehalf
          ? [
              `A Secretaria Técnica a registrou em nome do Estado (recebida por ${p.onBehalf === 'email' ? 'e-mail' : 'nota diplomática'}).`,
            ]
          : []),
        `SHA-256 das respostas enviadas: ${p.sha256}`,
      ],
      action: { label: COMMON_COPY.pt.openEvaluation, url: p.link },
    }),
  },
};
