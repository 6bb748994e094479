import { Type, type Static } from '@sinclair/typebox';
import { Closed, DateTime, Nullable, StringEnum } from '@mesecvi/http';
import { DEADLINE_KINDS, DEADLINE_STATUSES, type DeadlineChange, type DeadlineStatus } from '../deadline-vocabulary';
import type { DeadlineVersion } from './deadline-version.entity';
import type { Deadline } from './deadline.entity';

/** A deadline as the routes answer it; written once: the type, and the document's schema. */
export const DeadlineViewSchema = Closed({
  id: Type.String({ format: 'uuid' }),
  kind: StringEnum(DEADLINE_KINDS),
  subject: Closed({ type: Type.String(), id: Type.String() }),
  stateCode: Type.String({ example: 'ARG' }),
  title: Nullable(Type.String()),
  titleTranslations: Nullable(
    Closed(
      { es: Type.Optional(Type.String()), fr: Type.Optional(Type.String()), pt: Type.Optional(Type.String()) },
      { description: 'The title in es/fr/pt when given; readers fall back to `title`' },
    ),
  ),
  dueDate: Type.String({ format: 'date', description: 'Due at the end of that day in `timeZone`' }),
  timeZone: Type.String({ example: 'America/New_York' }),
  dueAt: DateTime({ description: 'The instant the due day ends (UTC)' }),
  version: Type.Integer({ minimum: 1 }),
  status: StringEnum(DEADLINE_STATUSES),
  createdAt: DateTime(),
  updatedAt: DateTime(),
});
export type DeadlineView = Static<typeof DeadlineViewSchema>;

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
