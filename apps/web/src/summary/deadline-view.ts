import type { MessageKey } from '../i18n/en';

/**
 * What the deadline page shows of `GET /deadlines/{id}`. The api documents that answer by example
 * only, so the client's type is `unknown`: the fields are read and checked here, once.
 */
export interface DeadlineSummary {
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

/** The summary of a deadline, or an error naming what the answer lacked. */
export function readDeadline(body: unknown): DeadlineSummary {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const dueDate = text(record.dueDate);
  const timeZone = text(record.timeZone);
  if (!dueDate || !timeZone) throw new Error('the deadline answer has no dueDate or timeZone');
  const subject =
    typeof record.subject === 'object' && record.subject !== null ? (record.subject as Record<string, unknown>) : {};
  return {
    title: text(record.title),
    stateCode: text(record.stateCode),
    dueDate,
    timeZone,
    status: STATUS_LABELS[text(record.status) ?? ''] ?? 'deadlineStatus.unknown',
    evaluationId: subject.type === 'state_evaluation' ? text(subject.id) : null,
  };
}
