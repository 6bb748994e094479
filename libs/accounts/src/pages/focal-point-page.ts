import { escapeHtml, type Language } from '@mesecvi/http';
import { layout } from './account-pages';

interface FocalPointPageCopy {
  title: string;
  paragraphs: string[];
  steps: string[];
}

/**
 * Linked from the mails a permanent mission receives while its state has no focal point: what a
 * focal point does and how a state designates one. Public, as the mission has no account.
 */
const COPY: Readonly<Record<Language, FocalPointPageCopy>> = {
  en: {
    title: 'Designating a national focal point',
    paragraphs: [
      'The national focal point answers the MESECVI questionnaires for the State on this platform: she or he submits the answers, requests extensions and receives the reminders before each deadline.',
      'Until a State designates one, the platform sends these mails to its permanent mission to the OAS.',
    ],
    steps: [
      'The permanent mission or the competent national authority sends a note to the Technical Secretariat of the MESECVI naming the person, with her or his e-mail address.',
      'The Technical Secretariat creates the account and sends the person an invitation by e-mail.',
      'From then on the focal point receives the questionnaires and reminders, and can invite contributors from the State.',
    ],
  },
  es: {
    title: 'Designación de un punto focal nacional',
    paragraphs: [
      'El punto focal nacional responde en esta plataforma los cuestionarios del MESECVI en nombre del Estado: envía las respuestas, solicita prórrogas y recibe los recordatorios antes de cada plazo.',
      'Mientras el Estado no designe uno, la plataforma envía estos correos a su misión permanente ante la OEA.',
    ],
    steps: [
      'La misión permanente o la autoridad nacional competente envía una nota a la Secretaría Técnica del MESECVI con el nombre de la persona y su dirección de correo electrónico.',
      'La Secretaría Técnica crea la cuenta y envía a la persona una invitación por correo electrónico.',
      'A partir de entonces, el punto focal recibe los cuestionarios y los recordatorios, y puede invitar a personas colaboradoras del Estado.',
    ],
  },
  fr: {
    title: 'Désigner un point focal national',
    paragraphs: [
      'Le point focal national répond sur cette plateforme aux questionnaires du MESECVI pour l’État : il soumet les réponses, demande les prorogations et reçoit les rappels avant chaque échéance.',
      'Tant que l’État n’en a pas désigné, la plateforme envoie ces courriels à sa mission permanente auprès de l’OEA.',
    ],
    steps: [
      'La mission permanente ou l’autorité nationale compétente adresse une note au Secrétariat technique du MESECVI indiquant le nom de la personne et son adresse électronique.',
      'Le Secrétariat technique crée le compte et envoie à la personne une invitation par courriel.',
      'Dès lors, le point focal reçoit les questionnaires et les rappels, et peut inviter des contributeurs de l’État.',
    ],
  },
  pt: {
    title: 'Designação de um ponto focal nacional',
    paragraphs: [
      'O ponto focal nacional responde nesta plataforma aos questionários do MESECVI em nome do Estado: envia as respostas, solicita prorrogações e recebe os lembretes antes de cada prazo.',
      'Enquanto o Estado não designar um, a plataforma envia estes e-mails à sua missão permanente junto à OEA.',
    ],
    steps: [
      'A missão permanente ou a autoridade nacional competente envia uma nota à Secretaria Técnica do MESECVI com o nome da pessoa e o seu endereço de e-mail.',
      'A Secretaria Técnica cria a conta e envia à pessoa um convite por e-mail.',
      'A partir de então, o ponto focal recebe os questionários e os lembretes e pode convidar colaboradores do Estado.',
    ],
  },
};

export function focalPointPage(language: Language): string {
  const c = COPY[language];
  return layout(
    language,
    c.title,
    `${c.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<ol>
${c.steps.map((s) => `<li>${escapeHtml(s)}</li>`).join('\n')}
</ol>`,
  );
}
