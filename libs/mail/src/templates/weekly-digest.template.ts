import type { Language } from '@mesecvi/http';
import { DEADLINE_KIND_COPY } from './deadline-copy';
import type { CopyHelpers, MailCopy, MailTemplate } from './mail-template';
import type { WeeklyDigestProps } from './template-props';

interface DigestWords {
  subject: (date: string, overdue: number, failed: number) => string;
  greeting: (name: string) => string;
  intro: (date: string) => string;
  overdueHead: string;
  noOverdue: string;
  overdueLine: (state: string, days: number) => string;
  otherOverdueHead: string;
  otherOverdueLine: (state: string, due: string, days: number) => string;
  adHocOverdueLine: (state: string, title: string, due: string, days: number) => string;
  upcomingHead: string;
  noUpcoming: string;
  upcomingLine: (state: string, what: string, due: string) => string;
  failedHead: (count: number, since: string) => string;
  noFailed: (since: string) => string;
  failedLine: (kind: string, to: string, error: string) => string;
  more: (n: number) => string;
  unknown: string;
  /** The heading of ad-hoc deadlines, which have no kind label of their own. */
  adHoc: string;
  action: string;
}

const WORDS: Readonly<Record<Language, DigestWords>> = {
  en: {
    subject: (d, o, f) => `Weekly compliance digest – ${d}: ${o} overdue state(s), ${f} failed mail(s)`,
    greeting: (n) => `Dear ${n},`,
    intro: (d) => `This is the compliance digest of ${d}.`,
    overdueHead: 'Overdue states per open round:',
    noOverdue: 'No state is overdue in any open round.',
    overdueLine: (s, d) => `• ${s}: ${d} day(s) overdue`,
    otherOverdueHead: 'Other deadlines passed without an answer:',
    otherOverdueLine: (s, due, d) => `• ${s}: due ${due}, ${d} day(s) overdue`,
    adHocOverdueLine: (s, t, due, d) => `• ${s}: ${t} – due ${due}, ${d} day(s) overdue`,
    upcomingHead: 'Deadlines in the next 14 days:',
    noUpcoming: 'No deadline falls due in the next 14 days.',
    upcomingLine: (s, w, due) => `• ${due} – ${s}: ${w}`,
    failedHead: (c, s) => `${c} mail(s) failed since ${s}:`,
    noFailed: (s) => `No mail failed since ${s}.`,
    failedLine: (k, t, e) => `• ${k} to ${t}: ${e}`,
    more: (n) => `… and ${n} more`,
    unknown: 'unknown',
    adHoc: 'Other requests of the secretariat',
    action: 'Open the mail ledger',
  },
  es: {
    subject: (d, o, f) =>
      `Resumen semanal de cumplimiento – ${d}: ${o} Estado(s) con retraso, ${f} correo(s) fallido(s)`,
    greeting: (n) => `Estimado/a ${n}:`,
    intro: (d) => `Este es el resumen de cumplimiento del ${d}.`,
    overdueHead: 'Estados con plazo vencido por ronda abierta:',
    noOverdue: 'Ningún Estado tiene el plazo vencido en las rondas abiertas.',
    overdueLine: (s, d) => `• ${s}: ${d} día(s) de retraso`,
    otherOverdueHead: 'Otros plazos vencidos sin respuesta:',
    otherOverdueLine: (s, due, d) => `• ${s}: vencía el ${due}, ${d} día(s) de retraso`,
    adHocOverdueLine: (s, t, due, d) => `• ${s}: ${t} – vencía el ${due}, ${d} día(s) de retraso`,
    upcomingHead: 'Plazos de los próximos 14 días:',
    noUpcoming: 'Ningún plazo vence en los próximos 14 días.',
    upcomingLine: (s, w, due) => `• ${due} – ${s}: ${w}`,
    failedHead: (c, s) => `${c} correo(s) fallaron desde el ${s}:`,
    noFailed: (s) => `Ningún correo falló desde el ${s}.`,
    failedLine: (k, t, e) => `• ${k} a ${t}: ${e}`,
    more: (n) => `… y ${n} más`,
    unknown: 'desconocido',
    adHoc: 'Otras solicitudes de la Secretaría',
    action: 'Abrir el registro de correos',
  },
  fr: {
    subject: (d, o, f) =>
      `Récapitulatif hebdomadaire du suivi – ${d} : ${o} État(s) en retard, ${f} courriel(s) en échec`,
    greeting: (n) => `Bonjour ${n},`,
    intro: (d) => `Voici le récapitulatif du suivi du ${d}.`,
    overdueHead: 'États en retard par cycle ouvert :',
    noOverdue: 'Aucun État n’est en retard dans les cycles ouverts.',
    overdueLine: (s, d) => `• ${s} : ${d} jour(s) de retard`,
    otherOverdueHead: 'Autres échéances dépassées sans réponse :',
    otherOverdueLine: (s, due, d) => `• ${s} : échéance le ${due}, ${d} jour(s) de retard`,
    adHocOverdueLine: (s, t, due, d) => `• ${s} : ${t} – échéance le ${due}, ${d} jour(s) de retard`,
    upcomingHead: 'Échéances des 14 prochains jours :',
    noUpcoming: 'Aucune échéance dans les 14 prochains jours.',
    upcomingLine: (s, w, due) => `• ${due} – ${s} : ${w}`,
    failedHead: (c, s) => `${c} courriel(s) en échec depuis le ${s} :`,
    noFailed: (s) => `Aucun courriel en échec depuis le ${s}.`,
    failedLine: (k, t, e) => `• ${k} à ${t} : ${e}`,
    more: (n) => `… et ${n} de plus`,
    unknown: 'inconnu',
    adHoc: 'Autres demandes du Secrétariat',
    action: 'Ouvrir le registre des courriels',
  },
  pt: {
    subject: (d, o, f) => `Resumo semanal de cumprimento – ${d}: ${o} Estado(s) em atraso, ${f} e-mail(s) com falha`,
    greeting: (n) => `Prezado(a) ${n},`,
    intro: (d) => `Este é o resumo de cumprimento de ${d}.`,
    overdueHead: 'Estados em atraso por rodada aberta:',
    noOverdue: 'Nenhum Estado está em atraso nas rodadas abertas.',
    overdueLine: (s, d) => `• ${s}: ${d} dia(s) de atraso`,
    otherOverdueHead: 'Outros prazos vencidos sem resposta:',
    otherOverdueLine: (s, due, d) => `• ${s}: vencia em ${due}, ${d} dia(s) de atraso`,
    adHocOverdueLine: (s, t, due, d) => `• ${s}: ${t} – vencia em ${due}, ${d} dia(s) de atraso`,
    upcomingHead: 'Prazos nos próximos 14 dias:',
    noUpcoming: 'Nenhum prazo vence nos próximos 14 dias.',
    upcomingLine: (s, w, due) => `• ${due} – ${s}: ${w}`,
    failedHead: (c, s) => `${c} e-mail(s) falharam desde ${s}:`,
    noFailed: (s) => `Nenhum e-mail falhou desde ${s}.`,
    failedLine: (k, t, e) => `• ${k} para ${t}: ${e}`,
    more: (n) => `… e mais ${n}`,
    unknown: 'desconhecido',
    adHoc: 'Outras solicitações da Secretaria',
    action: 'Abrir o registro de e-mails',
  },
};

/** One copy function for the four languages: the digest is lists, only the words differ. */
const copyIn =
  (language: Language) =>
  (p: WeeklyDigestProps, h: CopyHelpers): MailCopy => {
    const w = WORDS[language];
    const kinds = DEADLINE_KIND_COPY[language];
    const overdueCount = p.overdue.reduce((n, r) => n + r.states.length + r.moreStates, 0);
    const since = h.dateTime(p.failedMails.since);
    const overdue =
      p.overdue.length === 0
        ? [w.noOverdue]
        : p.overdue.map((r) =>
            [
              `${r.roundName}:`,
              ...r.states.map((s) => w.overdueLine(`${s.stateName} (${s.stateCode})`, s.daysOverdue)),
              ...(r.moreStates > 0 ? [w.more(r.moreStates)] : []),
            ].join('\n'),
          );
    // Grouped by kind (appointment replies, then ad-hoc deadlines), one state a line.
    const byKind = new Map<string, NonNullable<WeeklyDigestProps['overdueDeadlines']>>();
    for (const d of p.overdueDeadlines ?? []) byKind.set(d.deadlineKind, [...(byKind.get(d.deadlineKind) ?? []), d]);
    const otherOverdue =
      byKind.size === 0
        ? []
        : [
            w.otherOverdueHead,
            ...[...byKind.entries()].map(([kind, rows]) =>
              [
                `${kinds[kind]?.label ?? (kind === 'ad_hoc' ? w.adHoc : kind)}:`,
                ...rows.map((d) =>
                  d.title
                    ? w.adHocOverdueLine(`${d.stateName} (${d.stateCode})`, d.title, h.date(d.dueDate), d.daysOverdue)
                    : w.otherOverdueLine(`${d.stateName} (${d.stateCode})`, h.date(d.dueDate), d.daysOverdue),
                ),
              ].join('\n'),
            ),
          ];
    const upcoming =
      p.upcoming.length === 0
        ? w.noUpcoming
        : [
            w.upcomingHead,
            ...p.upcoming.map((d) =>
              w.upcomingLine(
                `${d.stateName} (${d.stateCode})`,
                d.title ?? kinds[d.deadlineKind]?.label ?? d.deadlineKind,
                h.date(d.dueDate),
              ),
            ),
            ...(p.moreUpcoming > 0 ? [w.more(p.moreUpcoming)] : []),
          ].join('\n');
    const failed =
      p.failedMails.count === 0
        ? w.noFailed(since)
        : [
            w.failedHead(p.failedMails.count, since),
            ...p.failedMails.items.map((m) => w.failedLine(m.kind, m.recipient ?? w.unknown, m.lastError ?? w.unknown)),
            ...(p.failedMails.count > p.failedMails.items.length
              ? [w.more(p.failedMails.count - p.failedMails.items.length)]
              : []),
          ].join('\n');
    return {
      subject: w.subject(h.date(p.weekOf), overdueCount, p.failedMails.count),
      greeting: w.greeting(p.recipientName),
      paragraphs: [w.intro(h.date(p.weekOf)), w.overdueHead, ...overdue, ...otherOverdue, upcoming, failed],
      action: { label: w.action, url: p.link },
    };
  };

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });
const code = { type: 'string', pattern: '^[A-Z]{3}$' };
const date = { type: 'string', format: 'date' };
/** What an upcoming and an overdue deadline line share. */
const DEADLINE_LINE = {
  stateCode: code,
  stateName: text(300),
  deadlineKind: text(40),
  title: { type: ['string', 'null'], maxLength: 500 },
  dueDate: date,
};
const DEADLINE_LINE_REQUIRED = ['stateCode', 'stateName', 'deadlineKind', 'title', 'dueDate'];

/**
 * The secretariat's weekly digest: overdue states per open round, other passed deadlines by kind
 * (appointment replies, ad-hoc), deadlines ahead, failed mails — one state a line.
 */
export const weeklyDigestTemplate: MailTemplate<WeeklyDigestProps> = {
  propsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['recipientName', 'weekOf', 'overdue', 'upcoming', 'moreUpcoming', 'failedMails', 'link'],
    properties: {
      recipientName: text(300),
      weekOf: date,
      overdue: {
        type: 'array',
        maxItems: 50,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['roundName', 'states', 'moreStates'],
          properties: {
            roundName: text(300),
            states: {
              type: 'array',
              maxItems: 100,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['stateCode', 'stateName', 'daysOverdue'],
                properties: { stateCode: code, stateName: text(300), daysOverdue: { type: 'integer', minimum: 1 } },
              },
            },
            moreStates: { type: 'integer', minimum: 0 },
          },
        },
      },
      upcoming: {
        type: 'array',
        maxItems: 100,
        items: {
          type: 'object',
          additionalProperties: false,
          required: [...DEADLINE_LINE_REQUIRED],
          properties: DEADLINE_LINE,
        },
      },
      moreUpcoming: { type: 'integer', minimum: 0 },
      overdueDeadlines: {
        type: 'array',
        maxItems: 100,
        items: {
          type: 'object',
          additionalProperties: false,
          required: [...DEADLINE_LINE_REQUIRED, 'daysOverdue'],
          properties: { ...DEADLINE_LINE, daysOverdue: { type: 'integer', minimum: 1 } },
        },
      },
      failedMails: {
        type: 'object',
        additionalProperties: false,
        required: ['count', 'since', 'items'],
        properties: {
          count: { type: 'integer', minimum: 0 },
          since: { type: 'string', format: 'date-time' },
          items: {
            type: 'array',
            maxItems: 20,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['kind', 'recipient', 'stateCode', 'lastError'],
              properties: {
                kind: text(60),
                recipient: { type: ['string', 'null'], maxLength: 320 },
                stateCode: { type: ['string', 'null'], maxLength: 3 },
                lastError: { type: ['string', 'null'], maxLength: 500 },
              },
            },
          },
        },
      },
      link: { type: 'string', pattern: '^https?://\\S+$', maxLength: 2000 },
    },
  },
  sensitiveProps: [],
  copies: { en: copyIn('en'), es: copyIn('es'), fr: copyIn('fr'), pt: copyIn('pt') },
};
