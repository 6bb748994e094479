import type { AppointmentRequestTarget } from './appointment-request-target.entity';
import type { AppointmentRequest } from './appointment-request.entity';
import type { AppointmentKind, RequestTargetStatus } from './appointment-vocabulary';
import { isoDate } from './calendar';

export interface RequestTargetView {
  stateCode: string;
  status: RequestTargetStatus;
  answeredKinds: AppointmentKind[];
  answeredAt: string | null;
  declinedAt: string | null;
  declineNote: string | null;
  sentCount: number;
  lastSentAt: string;
  deadlineId: string | null;
}

export interface AppointmentRequestView {
  id: string;
  kinds: AppointmentKind[];
  message: string;
  replyDate: string;
  openedBy: string;
  openedAt: string;
  counts: Record<RequestTargetStatus, number>;
  /** Per state, in code order (the detail view only). */
  states?: RequestTargetView[];
}

export function toTargetView(t: AppointmentRequestTarget): RequestTargetView {
  return {
    stateCode: t.stateCode,
    status: t.status,
    answeredKinds: t.answeredKinds,
    answeredAt: t.answeredAt ? t.answeredAt.toISOString() : null,
    declinedAt: t.declinedAt ? t.declinedAt.toISOString() : null,
    declineNote: t.declineNote,
    sentCount: t.sentCount,
    lastSentAt: t.lastSentAt.toISOString(),
    deadlineId: t.deadlineId,
  };
}

export function toRequestView(
  r: AppointmentRequest,
  targets: AppointmentRequestTarget[],
  withStates: boolean,
): AppointmentRequestView {
  const counts: Record<RequestTargetStatus, number> = { pending: 0, answered: 0, declined: 0 };
  for (const t of targets) counts[t.status] += 1;
  return {
    id: r.id,
    kinds: r.kinds,
    message: r.message,
    replyDate: isoDate(r.replyDate),
    openedBy: r.openedBy,
    openedAt: r.openedAt.toISOString(),
    counts,
    ...(withStates
      ? { states: [...targets].sort((a, b) => a.stateCode.localeCompare(b.stateCode)).map(toTargetView) }
      : {}),
  };
}
