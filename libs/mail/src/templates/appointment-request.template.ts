import type { Language } from '@mesecvi/http';
import type { MailTemplate } from './mail-template';
import type { AppointmentRequestProps } from './template-props';

/** How each language names the seats a request asks for, in a list. */
const SEAT_COPY: Readonly<Record<Language, Readonly<Record<AppointmentRequestProps['kinds'][number], string>>>> = {
  en: {
    titular: 'the expert (titular member) of the Committee of Experts (CEVI)',
    alternate: 'the alternate expert of the Committee of Experts',
    focal_point: 'the focal point of the Competent National Authority',
  },
  es: {
    titular: 'la experta o el experto titular ante el Comité de Expertas (CEVI)',
    alternate: 'la experta o el experto suplente ante el Comité de Expertas',
    focal_point: 'el punto focal de la Autoridad Nacional Competente',
  },
  fr: {
    titular: 'l’experte ou l’expert titulaire auprès du Comité d’expertes (CEVI)',
    alternate: 'l’experte ou l’expert suppléant auprès du Comité d’expertes',
    focal_point: 'le point focal de l’Autorité nationale compétente',
  },
  pt: {
    titular: 'a perita ou o perito titular junto ao Comitê de Peritas (CEVI)',
    alternate: 'a perita ou o perito suplente junto ao Comitê de Peritas',
    focal_point: 'o ponto focal da Autoridade Nacional Competente',
  },
};

const AND: Readonly<Record<Language, string>> = { en: 'and', es: 'y', fr: 'et', pt: 'e' };

function seats(language: Language, kinds: AppointmentRequestProps['kinds']): string {
  const names = kinds.map((k) => SEAT_COPY[language][k]);
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} ${AND[language]} ${names[names.length - 1]}`;
}

/**
 * The secretariat asks a state party to appoint or confirm its seats, with a reply date; sent to
 * the state's contacts and focal point, again on each re-send (`resent`).
 */
export const appointmentRequestTemplate: MailTemplate<AppointmentRequestProps> = {
  propsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['recipientName', 'stateName', 'kinds', 'replyDate', 'message', 'resent'],
    properties: {
      recipientName: { type: 'string', nullable: true, minLength: 1, maxLength: 300 },
      stateName: { type: 'string', minLength: 1, maxLength: 200 },
      kinds: {
        type: 'array',
        minItems: 1,
        maxItems: 3,
        uniqueItems: true,
        items: { type: 'string', enum: ['titular', 'alternate', 'focal_point'] },
      },
      replyDate: { type: 'string', format: 'date' },
      message: { type: 'string', maxLength: 5000 },
      resent: { type: 'boolean' },
    },
  },
  sensitiveProps: [],
  copies: {
    en: (p, h) => ({
      subject: `${p.resent ? 'Reminder: ' : ''}Appointments to the MESECVI – ${p.stateName} – reply by ${h.date(p.replyDate)}`,
      greeting: p.recipientName ? `Dear ${p.recipientName},` : 'Dear Sir or Madam,',
      paragraphs: [
        `The Technical Secretariat of the MESECVI kindly asks ${p.stateName} to appoint or confirm ${seats('en', p.kinds)}, by a note to the Technical Secretariat with the person’s name, e-mail address and the term of the appointment.`,
        `Please reply by ${h.date(p.replyDate)}.`,
        ...(p.message ? [p.message] : []),
      ],
    }),
    es: (p, h) => ({
      subject: `${p.resent ? 'Recordatorio: ' : ''}Designaciones ante el MESECVI – ${p.stateName} – respuesta antes del ${h.date(p.replyDate)}`,
      greeting: p.recipientName ? `Estimado/a ${p.recipientName}:` : 'Estimados señores y señoras:',
      paragraphs: [
        `La Secretaría Técnica del MESECVI solicita atentamente a ${p.stateName} que designe o confirme a ${seats('es', p.kinds)}, mediante nota dirigida a la Secretaría Técnica con el nombre, la dirección de correo electrónico y el período de la designación.`,
        `Le rogamos responder a más tardar el ${h.date(p.replyDate)}.`,
        ...(p.message ? [p.message] : []),
      ],
    }),
    fr: (p, h) => ({
      subject: `${p.resent ? 'Rappel : ' : ''}Désignations auprès du MESECVI – ${p.stateName} – réponse avant le ${h.date(p.replyDate)}`,
      greeting: p.recipientName ? `Bonjour ${p.recipientName},` : 'Madame, Monsieur,',
      paragraphs: [
        `Le Secrétariat technique du MESECVI prie ${p.stateName} de bien vouloir désigner ou confirmer ${seats('fr', p.kinds)}, par une note adressée au Secrétariat technique indiquant le nom, l’adresse électronique et la durée du mandat.`,
        `Nous vous remercions de répondre au plus tard le ${h.date(p.replyDate)}.`,
        ...(p.message ? [p.message] : []),
      ],
    }),
    pt: (p, h) => ({
      subject: `${p.resent ? 'Lembrete: ' : ''}Designações junto ao MESECVI – ${p.stateName} – resposta até ${h.date(p.replyDate)}`,
      greeting: p.recipientName ? `Prezado(a) ${p.recipientName},` : 'Prezados(as) senhores(as),',
      paragraphs: [
        `A Secretaria Técnica do MESECVI solicita gentilmente a ${p.stateName} que designe ou confirme ${seats('pt', p.kinds)}, por meio de nota à Secretaria Técnica com o nome, o endereço de e-mail e o período da designação.`,
        `Pedimos a gentileza de responder até ${h.date(p.replyDate)}.`,
        ...(p.message ? [p.message] : []),
      ],
    }),
  },
};
