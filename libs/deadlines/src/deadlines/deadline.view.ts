import type { DeadlineChange, DeadlineKind, DeadlineStatus, TitleTranslations } from '../deadline-vocabulary';
import type { DeadlineVersion } from './deadline-version.entity';
import type { Deadline } from './deadline.entity';

export interface DeadlineView {
  id: string;
  kind: DeadlineKind;
  subject: { type: string; id: string };
  stateCode: string;
  title: string | null;
  /** The title in es/fr/pt when given; readers fall back to `title`. */
  titleTranslations: TitleTranslations | null;
  /** YYYY-MM-DD, due at the end of that day in `timeZone`. */
  dueDate: string;
  timeZone: string;
  /** The instant the due day ends (ISO 8601, UTC). */
  dueAt: string;
  version: number;
  status: DeadlineStatus;
  createdAt: string;
  updatedAt: string;
}

export interface DeadlineHistoryEntry {
  version: number;
  change: DeadlineChange;
  dueDate: string;
  status: DeadlineStatus;
  reason: string | null;
  actor: { userId: string | null; role: string | null } | null;
  at: string;
}

export function toDeadlineView(d: Deadline): DeadlineView {
  return {
    id: d.id,
    kind: d.kind,
    subject: { type: d.subjectType, id: d.subjectId },
    stateCode: d.stateCode,
    title: d.title,
    titleTranslations: d.titleTranslations,
    dueDate: d.dueDate,
    timeZone: d.timeZone,
    dueAt: d.dueAt.toISOString(),
    version: d.version,
    status: d.status,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export function toHistoryEntry(v: DeadlineVersion): DeadlineHistoryEntry {
  return {
    version: v.version,
    change: v.change,
    dueDate: v.dueDate,
    status: v.status,
    reason: v.reason,
    actor: v.actorUserId === null && v.actorRole === null ? null : { userId: v.actorUserId, role: v.actorRole },
    at: v.recordedAt.toISOString(),
  };
}
