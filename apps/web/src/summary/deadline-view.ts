import type { MessageKey } from '../i18n/en';

/**
 * What the deadline page shows of `GET /deadlines/{id}`. The api documents that answer by example
 * only, so the client's type is `unknown`: the fields are read and checked here, once.
 */
export interface DeadlineSummary {
  /** In the reader's language when the secretariat gave one, else the English title. */
  title: string | null;
  stateCode: string | null;
  dueDate: string;
  timeZone: string;
  status: MessageKey;
  /** The evaluation the deadline is about, when it is one's. */
  evaluationId: string | null;
}

const STATUS_LABELS: Record<string, MessageKey> = {
  open: 'deadlineStatus.open',
  passed: 'deadlineStatus.passed',
  completed: 'deadlineStatus.completed',
  cancelled: 'deadlineStatus.cancelled',
};

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/** The summary of a deadline for a reader of `language`, or an error naming what the answer lacked. */
export function readDeadline(body: unknown, language: string): DeadlineSummary {
  const deadline = record(body);
  const dueDate = text(deadline.dueDate);
  const timeZone = text(deadline.timeZone);
  if (!dueDate || !timeZone) throw new Error('the deadline answer has no dueDate or timeZone');
  const subject = record(deadline.subject);
  return {
    title: text(record(deadline.titleTranslations)[language]) ?? text(deadline.title),
    stateCode: text(deadline.stateCode),
    dueDate,
    timeZone,
    status: STATUS_LABELS[text(deadline.status) ?? ''] ?? 'deadlineStatus.unknown',
    evaluationId: subject.type === 'state_evaluation' ? text(subject.id) : null,
  };
}
