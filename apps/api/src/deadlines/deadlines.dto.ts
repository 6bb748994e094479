import { Type } from '@sinclair/typebox';
import {
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  RECIPIENT_ROLES,
  REMINDER_TEMPLATES,
  type DeadlineKind,
  type DeadlineStatus,
  type LadderRuleInput,
} from '@mesecvi/deadlines';

const date = { type: 'string', format: 'date', example: '2026-09-30' };

export interface AdHocDeadlineBody {
  title: string;
  titles?: { es?: string; fr?: string; pt?: string };
  dueDate: string;
  stateCodes: string[];
  confirmPastDue?: boolean;
}
/** A due date before today is refused (422 `due_date_in_past`) unless the request says it is intended. */
const confirmPastDue = {
  type: 'boolean',
  description: 'true to enter a due date before today on purpose (history); audited',
};
export const adHocDeadlineSchema = Type.Unsafe<AdHocDeadlineBody>({
  type: 'object',
  additionalProperties: false,
  required: ['title', 'dueDate', 'stateCodes'],
  properties: {
    title: {
      type: 'string',
      minLength: 1,
      maxLength: 300,
      example: 'Send the national information for the annual report',
    },
    titles: {
      type: 'object',
      additionalProperties: false,
      description: 'The title in Spanish, French and Portuguese; a reader in another language gets `title` (English)',
      properties: Object.fromEntries(
        ['es', 'fr', 'pt'].map((l) => [l, { type: 'string', minLength: 1, maxLength: 300 }]),
      ),
      example: { fr: 'Envoyer les informations nationales pour le rapport annuel' },
    },
    dueDate: date,
    stateCodes: {
      type: 'array',
      minItems: 1,
      maxItems: 40,
      uniqueItems: true,
      items: { type: 'string', pattern: '^[A-Za-z]{3}$' },
      example: ['ARG', 'BRA', 'HTI'],
    },
    confirmPastDue,
  },
});

export interface MoveDeadlineBody {
  dueDate: string;
  reason: string;
  confirmPastDue?: boolean;
}
export const moveDeadlineSchema = Type.Unsafe<MoveDeadlineBody>({
  type: 'object',
  additionalProperties: false,
  required: ['dueDate', 'reason'],
  properties: {
    dueDate: date,
    reason: {
      type: 'string',
      minLength: 1,
      maxLength: 2000,
      example: 'Extension granted at the request of the state (note of 3 September)',
    },
    confirmPastDue,
  },
});

export interface CloseDeadlineBody {
  reason?: string;
}
export const completeDeadlineSchema = Type.Unsafe<CloseDeadlineBody>({
  type: 'object',
  additionalProperties: false,
  properties: {
    reason: { type: 'string', minLength: 1, maxLength: 2000, example: 'Received by e-mail on 12 September' },
  },
});
export const cancelDeadlineSchema = Type.Unsafe<Required<CloseDeadlineBody>>({
  ...completeDeadlineSchema,
  required: ['reason'],
});

export interface DeadlineListQuery {
  stateCode?: string;
  kind?: DeadlineKind;
  status?: DeadlineStatus;
  dueFrom?: string;
  dueTo?: string;
  limit: number;
  cursor?: string;
}
export const deadlineListQuerySchema = Type.Unsafe<DeadlineListQuery>({
  type: 'object',
  additionalProperties: false,
  properties: {
    stateCode: { type: 'string', pattern: '^[A-Za-z]{3}$' },
    kind: { type: 'string', enum: [...DEADLINE_KINDS] },
    status: { type: 'string', enum: [...DEADLINE_STATUSES] },
    dueFrom: { type: 'string', format: 'date' },
    dueTo: { type: 'string', format: 'date' },
    limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
    cursor: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,200}$' },
  },
});

export interface LadderBody {
  rules: LadderRuleInput[];
}
export const ladderSchema = Type.Unsafe<LadderBody>({
  type: 'object',
  additionalProperties: false,
  required: ['rules'],
  properties: {
    rules: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['offsetDays', 'recipientRoles', 'template'],
        properties: {
          offsetDays: { type: 'integer', minimum: -366, maximum: 366, example: -7 },
          timeOfDay: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', example: '09:00' },
          recipientRoles: {
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: { type: 'string', enum: [...RECIPIENT_ROLES] },
            example: ['focal_point'],
          },
          template: { type: 'string', enum: [...REMINDER_TEMPLATES], example: 'deadline_reminder' },
          maxCount: { type: 'integer', minimum: 1, maximum: 100, example: 3 },
        },
      },
    },
  },
});

export interface ClockBody {
  days?: number;
  hours?: number;
  minutes?: number;
}
export const clockSchema = Type.Unsafe<ClockBody>({
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    days: { type: 'integer', minimum: 0, maximum: 400, example: 23 },
    hours: { type: 'integer', minimum: 0, maximum: 1000 },
    minutes: { type: 'integer', minimum: 0, maximum: 100000 },
  },
});

export const deadlineExample = {
  id: '8c0b1f0e-6d5f-4f21-a0f5-0c3e0e6a9a11',
  kind: 'ad_hoc',
  subject: { type: 'ad_hoc_request', id: '2b1f0a3c-9f0e-4c7e-8a6d-5f4e3d2c1b0a' },
  stateCode: 'HTI',
  title: 'Send the national information for the annual report',
  dueDate: '2026-09-30',
  timeZone: 'America/New_York',
  dueAt: '2026-10-01T04:00:00.000Z',
  version: 1,
  status: 'open',
  createdAt: '2026-08-01T14:00:00.000Z',
  updatedAt: '2026-08-01T14:00:00.000Z',
};
