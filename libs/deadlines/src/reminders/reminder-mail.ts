import { appRoutes, webLink } from '@mesecvi/web-links';
import type { Language } from '@mesecvi/http';
import type { StagedMail } from '@mesecvi/mail';
import { daysLeft } from '../deadline-time';
import type { TitleTranslations } from '../deadline-vocabulary';
import type { Recipient } from '../recipients/recipient-directory.service';
import type { ClaimedReminder } from './reminder-claims.repository';

export interface StateNames {
  code: string;
  names: Record<Language, string>;
  workingLanguage: Language;
}

/** The mail one recipient gets for a reminder: their language, the state's name in it, days left or late. */
export function reminderMail(
  reminder: ClaimedReminder,
  recipient: Recipient,
  state: StateNames,
  link: string,
  now: Date,
  /** Set when the recipient stands in for a missing focal point: the page on how to designate one. */
  designateFocalPointUrl?: string,
): StagedMail {
  const base = {
    recipientName: recipient.name,
    stateName: state.names[recipient.language],
    deadlineKind: reminder.kind,
    title: titleIn(recipient.language, reminder.title, reminder.titleTranslations),
    dueDate: reminder.dueDate,
    timeZone: reminder.timeZone,
    link,
  };
  const left = daysLeft(reminder.dueDate, now, reminder.timeZone);
  const envelope = {
    kind: 'reminder' as const,
    language: recipient.language,
    to: {
      address: recipient.address,
      name: recipient.name ?? undefined,
      userId: recipient.userId ?? undefined,
      role: recipient.ledgerRole,
    },
    stateCode: state.code,
    related: { type: 'reminder', id: reminder.id },
  };
  if (reminder.template === 'deadline_escalation') {
    return {
      ...envelope,
      template: 'deadline_escalation',
      payload: { ...base, stateCode: state.code, daysLate: Math.max(0, -left) },
    };
  }
  const designate = designateFocalPointUrl ? { designateFocalPointUrl } : {};
  return { ...envelope, template: 'deadline_reminder', payload: { ...base, daysLeft: left, ...designate } };
}

/**
 * Where a reminder leads: the deadline's page, except for a review, whose rapporteurs work on the
 * evaluation's review page.
 */
export function reminderLink(
  publicBaseUrl: string,
  reminder: Pick<ClaimedReminder, 'kind' | 'deadlineId' | 'subjectType' | 'subjectId'>,
): string {
  if (reminder.kind === 'review' && reminder.subjectType === 'state_evaluation')
    return webLink(publicBaseUrl, appRoutes.evaluationReview.path(reminder.subjectId));
  return webLink(publicBaseUrl, appRoutes.deadline.path(reminder.deadlineId));
}

/** An ad-hoc deadline's title in the reader's language, else the English one. */
export function titleIn(
  language: Language,
  title: string | null,
  translations: TitleTranslations | null | undefined,
): string | null {
  if (language === 'en' || !title) return title;
  return translations?.[language] ?? title;
}

/** One outbox row per reminder and recipient address, whatever retries or races happen. */
export const reminderDedupKey = (reminderId: string, address: string): string =>
  `reminder:${reminderId}:${address.toLowerCase()}`;
export const reminderSkippedKey = (reminderId: string): string => `reminder:${reminderId}:nobody`;
